// testdata/bare/el1_traps.S: EL2 installs its vectors, drops to EL1 with
// ERET, and EL1 comes back to EL2 five ways: an HVC, a write of SCTLR_EL1
// trapped by HCR_EL2.TVM, a load from unmapped memory routed to EL2 by
// HCR_EL2.TEA, and an IRQ and an SError injected while EL1 has them masked
// (HCR_EL2.IMO/AMO route them to EL2, where EL1's PSTATE cannot mask them).
// The EL2 handlers record ESR/ELR/SPSR; expected values are the Arm ARM's
// syndrome encodings worked out by hand.
#include "bare.h"
// ARGS --inject irq@irq_here --inject serror@serror_here
// EXPECT stop=poweroff
// EXPECT el=2
// HVC #1 from EL1: EC 0x16, IL, imm16 1
// EXPECT x19=0x5a000001
// msr sctlr_el1, x1 trapped: EC 0x18, IL, Op0 3, Op2 0, Op1 0, CRn 1, Rt 1, CRm 0, write
// EXPECT x20=0x62300420
// data abort from a lower EL: EC 0x24, IL, WnR 0, DFSC 0x10 (synchronous external)
// EXPECT x21=0x92000010
// EXPECT x24=0x10
// IRQ: ELR is the instruction not executed (irq_here), SPSR EL1h with DAIF set
// EXPECT x22=0x1
// EXPECT x27=0x3c5
// SError with RAS: EC 0x2f, IL, DFSC 0x11 (asynchronous SError)
// EXPECT x23=0xbe000011
// EXPECT x25=0x1
// vectors seen: 0x400 sync (4 times), 0x480 IRQ, 0x580 SError
// EXPECT x26=0x4006

    .text
    .globl _start
_start:
    adr x0, vectors
    msr vbar_el2, x0
    // RW | TEA | TVM | AMO | IMO
    mov64 x0, ((1 << 31) | (1 << 37) | (1 << 26) | (1 << 5) | (1 << 4))
    msr hcr_el2, x0
    mov x0, #0x3c5                  // EL1h, D A I F masked
    msr spsr_el2, x0
    adr x0, el1_code
    msr elr_el2, x0
    mov64 x1, 0x40300000
    msr sp_el1, x1
    mov x26, #0
    eret

el1_code:
    hvc #1
    mov x1, #0
    msr sctlr_el1, x1               // trapped by TVM
    mov x3, #0x10
    ldr x4, [x3]                    // nothing there: external abort, TEA
irq_here:
    nop                             // the IRQ is asserted before this runs
serror_here:
    nop
    hvc #2                          // done
    b .

    .balign 2048
vectors:
    .skip 0x400
    // lower EL, AArch64, synchronous
    add x26, x26, #1, lsl #12
    mrs x9, esr_el2
    lsr x10, x9, #26
    cmp x10, #0x16
    b.eq 1f
    cmp x10, #0x18
    b.eq 2f
    // data abort
    mov x21, x9
    mrs x24, far_el2
    b 3f
2:  mov x20, x9
3:  mrs x10, elr_el2                // skip the trapped instruction
    add x10, x10, #4
    msr elr_el2, x10
    eret
1:  and x11, x9, #0xffff
    cmp x11, #2
    b.eq 4f
    mov x19, x9
    eret
4:  system_off

    .balign 0x80
    // 0x480: lower EL, IRQ
    add x26, x26, #2
    mrs x10, elr_el2
    adr x11, irq_here
    cmp x10, x11
    cset x22, eq
    mrs x27, spsr_el2
    eret

    .balign 0x80
    .skip 0x80                      // FIQ: not expected
    // 0x580: lower EL, SError
    add x26, x26, #4
    mrs x23, esr_el2
    mrs x10, elr_el2
    adr x11, serror_here
    cmp x10, x11
    cset x25, eq
    eret
