// testdata/guests/serror.S: an SError reaches the guest as a virtual
// SError. A store to TESTDEV_SERROR makes the harness assert a physical
// SError; with HCR_EL2.AMO set the hyp takes it at EL2 and exits, and KVM
// injects a virtual SError (HCR_EL2.VSE) that the guest takes at its own
// EL1 vector once PSTATE.A is clear.
//
// The guest installs its own vector table, unmasks SErrors, stores to the
// test device and spins (at most SPIN_LIMIT loops) until the handler has
// run. The handler (VBAR_EL1 + 0x380: current EL, SP_ELx, SError) records
// ESR_EL1 and ELR_EL1, counts, and returns with ERET. Then the guest checks
// that exactly one SError came, prints "ESR_EL1 EC 0x<ec>", and checks the
// EC is 0x2f (SError interrupt) and that ELR_EL1 lies between the
// instruction after the store and the end of the wait loop (the store was
// emulated and stepped over; the SError interrupted what came after it).
//
// Exits: one per console byte, the store, the physical SError, then
// SYSTEM_OFF. Output on success: "ESR_EL1 EC 0x2f\nPASS\n".
#include "common.inc"

#define SPIN_LIMIT 100000
#define EC_SERROR 0x2f
// serror_info: what the handler saw
#define INFO_COUNT 0
#define INFO_ESR 8
#define INFO_ELR 16

main:
    adr x0, serror_vectors
    msr vbar_el1, x0
    isb
    msr daifclr, #4                 // unmask SError (PSTATE.A)

    adr x19, serror_info
    mov32 x1, TESTDEV_SERROR
    mov w2, #1
    str w2, [x1]
serror_window:                      // the earliest ELR_EL1 the SError may have
    mov32 x3, SPIN_LIMIT
1:  ldr w4, [x19, #INFO_COUNT]
    cbnz w4, 2f
    subs x3, x3, #1
    b.ne 1b
serror_window_end:                  // the latest
    msr daifset, #4
    FAIL "no SError taken within the wait loop"
2:  msr daifset, #4                 // nothing more is expected: mask again

    ldr w4, [x19, #INFO_COUNT]
    mov x5, #1
    CHECK_EQ x4, x5, "SErrors taken:"
    adr x0, str_ec
    bl put_str
    ldr x20, [x19, #INFO_ESR]
    ubfx x20, x20, #26, #6
    mov x0, x20
    bl put_hex
    mov w0, #'\n'
    bl putc
    mov x5, #EC_SERROR
    CHECK_EQ x20, x5, "ESR_EL1 EC is not SError:"
    ldr x20, [x19, #INFO_ELR]
    adr x5, serror_window
    cmp x20, x5
    b.lo 3f
    adr x5, serror_window_end
    cmp x20, x5
    b.ls pass
3:  FAIL_VAL "ELR_EL1 of the SError is outside the wait loop:", x20

// Every entry but the SError one reports an unexpected exception.
    .balign 2048
serror_vectors:
    .irp off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
    .balign 0x80
    .if \off == 0x380
    b serror_handler
    .else
    mov x1, #\off
    b unexpected_exception
    .endif
    .endr

// Runs with SErrors masked again (exception entry sets PSTATE.A); the ERET
// restores the interrupted PSTATE. Uses only x0/x1, saved on the stack, and
// instructions that leave the flags alone.
serror_handler:
    stp x0, x1, [sp, #-16]!
    adr x0, serror_info
    mrs x1, esr_el1
    str x1, [x0, #INFO_ESR]
    mrs x1, elr_el1
    str x1, [x0, #INFO_ELR]
    ldr w1, [x0, #INFO_COUNT]
    add w1, w1, #1
    str w1, [x0, #INFO_COUNT]
    ldp x0, x1, [sp], #16
    eret

    .section .rodata
str_ec:     .asciz "ESR_EL1 EC "

    .data
    .balign 8
serror_info: .skip 24
