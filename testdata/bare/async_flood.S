// testdata/bare/async_flood.S: EL1 takes a virtual IRQ (HCR_EL2.VI stays
// set) over and over: hundreds of asynchronous exceptions raised by the
// code, more than the summary has records for. The SError injected later
// (ARGS) still has its record and fate: the last records are kept for
// injections. AMO routes it to EL2, which powers off.
#include "bare.h"
// ARGS --inject serror@insn=3000
// EXPECT stop=poweroff
// EXPECT el=2
// EXPECT x20=0x1

    .text
    .globl _start
_start:
    adr x0, vectors_el2
    msr vbar_el2, x0
    mov64 x0, 0x800000b8            // RW, AMO, IMO, VI (bit 7), FMO
    msr hcr_el2, x0
    mov x0, #0x3c5                  // EL1h, DAIF masked
    msr spsr_el2, x0
    adr x0, el1_code
    msr elr_el2, x0
    mov64 x1, 0x40300000
    msr sp_el1, x1
    eret

el1_code:
    adr x0, vectors_el1
    msr vbar_el1, x0
    msr daifclr, #2                 // the virtual IRQ is taken at once
spin:
    b spin

    .balign 2048
vectors_el1:
    .org vectors_el1 + 0x280
    eret                            // current EL, SP_ELx, IRQ: VI is still set

    .balign 2048
vectors_el2:
    .org vectors_el2 + 0x580
    mov x20, #1                     // lower EL, AArch64, SError: the injection
    system_off
