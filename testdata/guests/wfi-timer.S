// testdata/guests/wfi-timer.S: the virtual timer through a world switch.
// The guest arms CNTV for TICKS counter ticks ahead, unmasks IRQs and
// executes WFI. HCR_EL2.TWI traps the WFI: the harness (as KVM's
// kvm_vcpu_block) advances the clock to the timer's deadline, sees the
// virtual timer's condition met and pends a virtual IRQ (HCR_EL2.VI), then
// resumes the guest after the WFI; the guest takes the virtual IRQ at its
// own vector (VBAR_EL1 + 0x280: current EL, SP_ELx, IRQ). There is no GIC
// in elsim, so the handler "acknowledges" with the test hypercall after
// disabling the timer: at that exit the harness sees the timer quiet and
// drops VI, as KVM does when it syncs the timer state on an exit.
//
// Checks: the IRQ came (once), CNTV_CTL_EL0.ISTATUS was set in the handler,
// CNTVCT_EL0 in the handler >= CVAL. Exits: the WFI, the acknowledge HVC,
// one per console byte, SYSTEM_OFF. Output on success: "PASS\n".
#include "common.inc"

#define TICKS 1000
#define CTL_ENABLE 1
#define CTL_ISTATUS 4
#define INFO_COUNT 0
#define INFO_CTL 8
#define INFO_CNT 16

main:
    adr x0, timer_vectors
    msr vbar_el1, x0
    isb
    adr x19, timer_info
    mrs x20, cntvct_el0
    add x20, x20, #TICKS
    msr cntv_cval_el0, x20          // CVAL = now + TICKS
    mov x1, #CTL_ENABLE
    msr cntv_ctl_el0, x1
    isb
    msr daifclr, #2                 // unmask IRQs
    wfi
    msr daifset, #2
    ldr w4, [x19, #INFO_COUNT]
    mov x5, #1
    CHECK_EQ x4, x5, "virtual timer IRQs taken:"
    ldr x4, [x19, #INFO_CTL]
    and x4, x4, #CTL_ISTATUS
    mov x5, #CTL_ISTATUS
    CHECK_EQ x4, x5, "CNTV_CTL_EL0.ISTATUS in the handler:"
    ldr x4, [x19, #INFO_CNT]
    cmp x4, x20
    b.hs pass
    FAIL_VAL "CNTVCT_EL0 in the handler is below CVAL:", x4

    .balign 2048
timer_vectors:
    .irp off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
    .balign 0x80
    .if \off == 0x280
    b timer_handler
    .else
    mov x1, #\off
    b unexpected_exception
    .endif
    .endr

timer_handler:
    stp x0, x1, [sp, #-16]!
    adr x0, timer_info
    mrs x1, cntv_ctl_el0
    str x1, [x0, #INFO_CTL]
    mrs x1, cntvct_el0
    str x1, [x0, #INFO_CNT]
    ldr w1, [x0, #INFO_COUNT]
    add w1, w1, #1
    str w1, [x0, #INFO_COUNT]
    msr cntv_ctl_el0, xzr           // quiet the timer...
    mov32 x0, ELSIM_HVC_TEST        // ...and acknowledge (the stand-in for the GIC)
    hvc #0
    ldp x0, x1, [sp], #16
    eret

    .data
    .balign 8
timer_info: .skip 24
