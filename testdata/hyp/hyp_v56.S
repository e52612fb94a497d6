// testdata/hyp/hyp_v56.S: the project's v5.6-style hyp. Over the 4.14 one
// it adds: `esb; stp x0, x1; b` vector entries, el2_sync recovering from
// an illegal exception return (exit IL), __guest_enter deferring the entry
// while an interrupt is pending, x29 as the guest context pointer, the
// pointer-authentication key switch, and two exit paths chosen at build
// time: with -DHAVE_RAS (hyp-v56-ras) the SError the vector's ESB deferred
// is read from DISR_EL1; without (hyp-v56) the window opens only when
// ISR_EL1.A says an SError is pending, and SErrors are masked again after.
#include "hyp_shared.inc"

// A valid slot: defer a pending SError (RAS), free x0/x1, go to \target.
.macro vect_valid target
    .balign 0x80
    esb
    stp x0, x1, [sp, #-16]!
    b \target
.endm

    .text

    .balign 2048
    .globl __kvm_hyp_vector
    .type __kvm_hyp_vector, %function
__kvm_hyp_vector:
    vect_branch el2t_sync_invalid       // 0x000: EL2t
    vect_branch el2t_irq_invalid
    vect_branch el2t_fiq_invalid
    vect_branch el2t_error_invalid
    vect_valid el2_sync                 // 0x200: EL2h
    vect_branch el2h_irq_invalid
    vect_branch el2h_fiq_invalid
    vect_valid el2_error
    vect_valid el1_sync                 // 0x400: lower EL, AArch64
    vect_valid el1_irq
    vect_branch el1_fiq_invalid
    vect_valid el1_error
    vect_valid el1_sync                 // 0x600: lower EL, AArch32
    vect_valid el1_irq
    vect_branch el1_32_fiq_invalid
    vect_valid el1_error
    .balign 0x80
    .size __kvm_hyp_vector, . - __kvm_hyp_vector

func el1_sync
    el1_sync_body

func el1_irq
    get_vcpu x1, x0
    mov x0, #ARM_EXCEPTION_IRQ
    b __guest_exit

func el1_error
    get_vcpu x1, x0
    mov x0, #ARM_EXCEPTION_EL1_SERROR
    b __guest_exit

    // A synchronous exception at EL2 is survivable only as the aftermath
    // of an illegal ERET into the guest: the guest's registers are live,
    // so exit with IL through the ordinary exit path.
func el2_sync
    mrs x0, spsr_el2
    tbz x0, #SPSR_IL_BIT, 1f
    get_vcpu x1, x0
    mov x0, #ARM_EXCEPTION_IL
    b __guest_exit
1:  mov x0, #VECT_EL2H_SYNC
    b hyp_panic

    // An SError at EL2 is expected only inside the exit path's window;
    // there it marks the exit code, anywhere else it is fatal.
func el2_error
    add sp, sp, #16                     // x0/x1 are not needed back
    mrs x0, elr_el2
    adr x1, abort_guest_exit_start
    cmp x0, x1
    adr x1, abort_guest_exit_end
    ccmp x0, x1, #4, ne                 // Z: ELR is either label
    b.ne 1f
    mov x0, #(1 << ARM_EXIT_WITH_SERROR_BIT)
    eret
1:  mov x0, #VECT_EL2H_ERROR
    b hyp_panic

    panic_code

    // __guest_enter(x0 = vcpu, x1 = host context): run the guest until it
    // exits; returns the exit code in x0 (through __guest_exit's ret), or
    // ARM_EXCEPTION_IRQ without entering if an exception is pending.
func __guest_enter
    save_x18_x30 x1
#ifdef HAVE_RAS
    dsb nshst                           // let a pending SError show in ISR_EL1
    isb
#endif
    mrs x2, isr_el1
    cbz x2, 1f
    // Only x2 was touched: the host's saved registers are still in place.
    mov x0, #ARM_EXCEPTION_IRQ
    ret
1:  pauth_gate x0, VCPU_HCR_EL2, x2, 2f
    add x2, x1, #CPU_APIAKEYLO
    pauth_save x2, x3, x4
    add x2, x0, #(VCPU_CONTEXT + CPU_APIAKEYLO)
    pauth_load x2, x3, x4
2:  get_host_data x2, x3
    str x0, [x2, #HOST_RUNNING_VCPU]
    add x29, x0, #VCPU_CONTEXT
    load_x0_x17 x29
    ldp x18, x19, [x29, #CPU_XREG(18)]
    ldp x20, x21, [x29, #CPU_XREG(20)]
    ldp x22, x23, [x29, #CPU_XREG(22)]
    ldp x24, x25, [x29, #CPU_XREG(24)]
    ldp x26, x27, [x29, #CPU_XREG(26)]
    ldr x28, [x29, #CPU_XREG(28)]
    ldr x30, [x29, #CPU_XREG(30)]
    ldr x29, [x29, #CPU_XREG(29)]       // the base register goes last
    eret
    sb                                  // no speculation past the ERET
    .size __guest_enter, . - __guest_enter

    // Entered by branch from a vector with x0 = exit code, x1 = vcpu, the
    // guest's x2-x30 live and its x0/x1 on the stack; returns to the
    // caller of __guest_enter.
func __guest_exit
    add x1, x1, #VCPU_CONTEXT
    save_x2_x30 x1
    ldp x2, x3, [sp], #16
    stp x2, x3, [x1, #CPU_XREG(0)]
    get_host_data x2, x3
    add x2, x2, #HOST_CONTEXT
    pauth_gate x1, (VCPU_HCR_EL2 - VCPU_CONTEXT), x3, 1f
    add x3, x1, #CPU_APIAKEYLO
    pauth_save x3, x4, x5
    add x3, x2, #CPU_APIAKEYLO
    pauth_load x3, x4, x5
1:  restore_x18_x30 x2

#ifdef HAVE_RAS
    // The vector's ESB turned a pending SError into a DISR_EL1 record.
    mrs x2, disr_el1
    str x2, [x1, #(VCPU_FAULT_DISR - VCPU_CONTEXT)]
    cbz x2, 2f
    msr disr_el1, xzr
    orr x0, x0, #(1 << ARM_EXIT_WITH_SERROR_BIT)
2:  ret
#else
    dsb sy                              // complete the guest's accesses first
    isb                                 // and only then sample ISR_EL1
    mrs x2, isr_el1
    tbnz x2, #ISR_A_BIT, guest_exit_window
    ret
#endif

guest_exit_window:
    // An SError is pending: take it now, charged to the guest, keeping
    // what the exception will overwrite.
    mrs x2, elr_el2
    mrs x3, esr_el2
    mrs x4, spsr_el2
    mov x5, x0
    msr daifclr, #4
    .globl abort_guest_exit_start
abort_guest_exit_start:
    isb                                 // the SError is taken by here at the latest
    .globl abort_guest_exit_end
abort_guest_exit_end:
    msr daifset, #4                     // a later SError must not hit EL2 unmasked
    tbz x0, #ARM_EXIT_WITH_SERROR_BIT, 3f
    // el2_error ran: give the C side the guest's exit state back.
    msr elr_el2, x2
    msr esr_el2, x3
    msr spsr_el2, x4
    orr x0, x0, x5
3:  ret
    .size __guest_exit, . - __guest_exit

    EXPORT_LAYOUT
    hyp_data
