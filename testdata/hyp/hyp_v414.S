// testdata/hyp/hyp_v414.S: the project's v4.14-style hyp: an EL2 vector
// table whose entries are single branches, el1_sync with the 4.14.y SMCCC
// workaround fast paths and the lazy FP/SIMD switch, __guest_enter /
// __guest_exit with x18 as the guest context pointer, and the exit path's
// SError window (left open: 4.14 returns with PSTATE.A clear).
// Built with -DNO_WINDOW as hyp-v414-nowindow, a deliberately broken hyp
// whose exit path unmasks SErrors without the labelled ISB window, for the
// negative test.
#include "hyp_shared.inc"

    .text

    .balign 2048
    .globl __kvm_hyp_vector
    .type __kvm_hyp_vector, %function
__kvm_hyp_vector:
    vect_branch el2t_sync_invalid       // 0x000: EL2t
    vect_branch el2t_irq_invalid
    vect_branch el2t_fiq_invalid
    vect_branch el2t_error_invalid
    vect_branch el2h_sync_invalid       // 0x200: EL2h
    vect_branch el2h_irq_invalid
    vect_branch el2h_fiq_invalid
    vect_branch el2_error
    vect_branch el1_sync                // 0x400: lower EL, AArch64
    vect_branch el1_irq
    vect_branch el1_fiq_invalid
    vect_branch el1_error
    vect_branch el1_sync                // 0x600: lower EL, AArch32
    vect_branch el1_irq
    vect_branch el1_32_fiq_invalid
    vect_branch el1_error
    .balign 0x80
    .size __kvm_hyp_vector, . - __kvm_hyp_vector

func el1_sync
    stp x0, x1, [sp, #-16]!
    el1_sync_body

func el1_irq
    stp x0, x1, [sp, #-16]!
    get_vcpu x1, x0
    mov x0, #ARM_EXCEPTION_IRQ
    b __guest_exit

func el1_error
    stp x0, x1, [sp, #-16]!
    get_vcpu x1, x0
    mov x0, #ARM_EXCEPTION_EL1_SERROR
    b __guest_exit

    // An SError at EL2 is expected only inside the exit path's window;
    // there it marks the exit code, anywhere else it is fatal.
func el2_error
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
    // exits; returns the exit code in x0 (through __guest_exit's ret).
func __guest_enter
    save_x18_x30 x1
    get_host_data x2, x3
    str x0, [x2, #HOST_RUNNING_VCPU]
    add x18, x0, #VCPU_CONTEXT
    load_x0_x17 x18
    ldp x19, x20, [x18, #CPU_XREG(19)]
    ldp x21, x22, [x18, #CPU_XREG(21)]
    ldp x23, x24, [x18, #CPU_XREG(23)]
    ldp x25, x26, [x18, #CPU_XREG(25)]
    ldp x27, x28, [x18, #CPU_XREG(27)]
    ldp x29, x30, [x18, #CPU_XREG(29)]
    ldr x18, [x18, #CPU_XREG(18)]       // the base register goes last
    eret
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
    restore_x18_x30 x2

    // Flush out an SError the guest left pending, so that it is charged
    // to the guest: keep what the exception would overwrite, then unmask
    // SErrors for the one instruction between the labels.
    mrs x2, elr_el2
    mrs x3, esr_el2
    mrs x4, spsr_el2
    mov x5, x0
    dsb sy                              // complete the guest's accesses first
    msr daifclr, #4
#ifndef NO_WINDOW
    .globl abort_guest_exit_start
abort_guest_exit_start:
    isb                                 // the SError is taken by here at the latest
    .globl abort_guest_exit_end
abort_guest_exit_end:
#endif
    tbz x0, #ARM_EXIT_WITH_SERROR_BIT, 1f
    // el2_error ran: give the C side the guest's exit state back.
    msr elr_el2, x2
    msr esr_el2, x3
    msr spsr_el2, x4
    orr x0, x0, x5
1:  ret
#ifdef NO_WINDOW
    // the broken variant keeps the unmask but not the window: an SError
    // is now taken where el2_error does not expect it, and it panics
    .globl abort_guest_exit_start, abort_guest_exit_end
abort_guest_exit_start:
    nop
abort_guest_exit_end:
    nop
#endif
    .size __guest_exit, . - __guest_exit

    EXPORT_LAYOUT
    hyp_data
