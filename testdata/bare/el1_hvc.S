// testdata/bare/el1_hvc.S: EL2 drops to EL1 with ERET; EL1 makes an HVC
// that the EL2 vector table takes at VBAR_EL2 + 0x400 (lower EL, AArch64,
// synchronous); the handler records ESR_EL2, ELR_EL2 and SPSR_EL2.
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT el=2
// EXPECT x19=0x5a000042
// EXPECT x20=0x5
// EXPECT x22=0x3c5
// EXPECT x23=0x1

    .text
    .globl _start
_start:
    adr x0, vectors
    msr vbar_el2, x0
    mov x0, #(1 << 31)              // HCR_EL2.RW: EL1 is AArch64
    msr hcr_el2, x0
    mov x0, #0x3c5                  // EL1h with D, A, I, F masked
    msr spsr_el2, x0
    adr x0, el1_code
    msr elr_el2, x0
    mov64 x1, 0x40300000
    msr sp_el1, x1
    eret

el1_code:
    mrs x5, CurrentEL
    lsr x20, x5, #2                 // 1 at EL1
    hvc #0x42
after_hvc:
    b .                             // not reached: the handler powers off

    .balign 2048
vectors:
    .skip 0x400
    // lower EL, AArch64, synchronous
    mrs x19, esr_el2
    mrs x21, elr_el2
    mrs x22, spsr_el2
    adr x6, after_hvc
    cmp x21, x6                     // ELR is the instruction after the HVC
    cset x23, eq
    // x20 was 1 at EL1; add 4 so the handler visibly ran: 5
    add x20, x20, #4
    system_off
