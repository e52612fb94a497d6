/* testdata/include/hyp_layout.h: the data layout of the project's own
 * hyps (hyp-v414, hyp-v56), in the shape Linux KVM's structures had. Each
 * hyp exports these values as absolute ELF symbols (EXPORT_LAYOUT below),
 * and elsim's hyp profile reads the symbols, never this header.
 *
 *   struct vcpu {                       // VCPU_*
 *       u64 pad[2];                     //   something before the context
 *       struct cpu_context ctxt;        // VCPU_CONTEXT
 *       u64 fault_disr;                 // VCPU_FAULT_DISR  (v5.6: DISR_EL1 on exit)
 *       u64 workaround_flags;           // VCPU_WORKAROUND_FLAGS (bit 0: WA2 enabled)
 *       u64 hcr_el2;                    // VCPU_HCR_EL2 (the guest's HCR)
 *   };
 *   struct cpu_context {                // CPU_*
 *       u64 x[31];                      // CPU_XREG(n) = 8 n
 *       u64 sp_el0;                     // CPU_SP_EL0 = 248
 *       u64 pad;
 *       u128 v[32]; u64 fpsr, fpcr;     // CPU_FP_REGS (16-byte aligned)
 *       u64 apia_lo, apia_hi, ...       // CPU_APIAKEYLO ... (5 keys x 2)
 *   };
 *   struct host_data {                  // HOST_*
 *       struct cpu_context host_ctxt;   // HOST_CONTEXT = 0
 *       u64 running_vcpu;               // HOST_RUNNING_VCPU
 *   };
 */
#ifndef HYP_LAYOUT_H
#define HYP_LAYOUT_H

#define CPU_XREG(n) ((n) * 8)
#define CPU_SP_EL0 248
#define CPU_FP_REGS 272
#define CPU_FPSR (CPU_FP_REGS + 512)
#define CPU_FPCR (CPU_FPSR + 8)
#define CPU_APIAKEYLO (CPU_FPCR + 8)
#define CPU_APIBKEYLO (CPU_APIAKEYLO + 16)
#define CPU_APDAKEYLO (CPU_APIAKEYLO + 32)
#define CPU_APDBKEYLO (CPU_APIAKEYLO + 48)
#define CPU_APGAKEYLO (CPU_APIAKEYLO + 64)
#define CPU_CONTEXT_SIZE (CPU_APIAKEYLO + 80)

#define VCPU_CONTEXT 16
#define VCPU_FAULT_DISR (VCPU_CONTEXT + CPU_CONTEXT_SIZE)
#define VCPU_WORKAROUND_FLAGS (VCPU_FAULT_DISR + 8)
#define VCPU_HCR_EL2 (VCPU_WORKAROUND_FLAGS + 8)
#define VCPU_SIZE (VCPU_HCR_EL2 + 8)

#define HOST_CONTEXT 0
#define HOST_RUNNING_VCPU CPU_CONTEXT_SIZE
#define HOST_DATA_SIZE (HOST_RUNNING_VCPU + 8)

/* Exit codes (kvm_asm.h). */
#define ARM_EXCEPTION_IRQ 0
#define ARM_EXCEPTION_EL1_SERROR 1
#define ARM_EXCEPTION_TRAP 2
#define ARM_EXCEPTION_IL 3
#define ARM_EXIT_WITH_SERROR_BIT 31

#define SMCCC_ARCH_WORKAROUND_1 0x80008000
#define SMCCC_ARCH_WORKAROUND_2 0x80007fff
#define SMCCC_ARCH_WORKAROUND_3 0x80003fff

#ifdef __ASSEMBLER__
/* Export the layout as absolute symbols for elsim's profile. */
.macro EXPORT_LAYOUT
    .globl elsim_layout_vcpu_context, elsim_layout_cpu_sp_el0, elsim_layout_cpu_fp_regs
    .globl elsim_layout_vcpu_fault_disr, elsim_layout_vcpu_workaround_flags
    .globl elsim_layout_vcpu_hcr_el2, elsim_layout_vcpu_size
    .globl elsim_layout_host_context, elsim_layout_host_running_vcpu, elsim_layout_host_data_size
    .globl elsim_exit_irq, elsim_exit_el1_serror, elsim_exit_trap, elsim_exit_il, elsim_exit_serror_bit
    .set elsim_layout_vcpu_context, VCPU_CONTEXT
    .set elsim_layout_cpu_sp_el0, CPU_SP_EL0
    .set elsim_layout_cpu_fp_regs, CPU_FP_REGS
    .set elsim_layout_vcpu_fault_disr, VCPU_FAULT_DISR
    .set elsim_layout_vcpu_workaround_flags, VCPU_WORKAROUND_FLAGS
    .set elsim_layout_vcpu_hcr_el2, VCPU_HCR_EL2
    .set elsim_layout_vcpu_size, VCPU_SIZE
    .set elsim_layout_host_context, HOST_CONTEXT
    .set elsim_layout_host_running_vcpu, HOST_RUNNING_VCPU
    .set elsim_layout_host_data_size, HOST_DATA_SIZE
    .set elsim_exit_irq, ARM_EXCEPTION_IRQ
    .set elsim_exit_el1_serror, ARM_EXCEPTION_EL1_SERROR
    .set elsim_exit_trap, ARM_EXCEPTION_TRAP
    .set elsim_exit_il, ARM_EXCEPTION_IL
    .set elsim_exit_serror_bit, ARM_EXIT_WITH_SERROR_BIT
.endm
#endif

#endif
