// testdata/bare/sync_el2.S: synchronous exceptions taken at EL2 from EL2
// (current EL with SP_ELx: VBAR_EL2 + 0x200): an SVC (ELR = next
// instruction), an UNDEFINED word (ELR = the word, EC 0), and a load from
// unmapped memory (EC 0x25, FAR_EL2 = the address, ELR = the load).
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT x19=0x56000007
// EXPECT x20=0x1
// EXPECT x21=0x2000000
// EXPECT x22=0x1
// EXPECT x23=0x96000010
// EXPECT x24=0x10
// EXPECT x25=0x1
// EXPECT x26=0x3

    .text
    .globl _start
_start:
    adr x0, vectors
    msr vbar_el2, x0
    mov x26, #0                     // exceptions seen by the handler

    svc #7
svc_next:
    mrs x19, esr_el2
    mov x1, x27
    adr x2, svc_next
    cmp x1, x2
    cset x20, eq

undef_insn:
    .inst 0x00000000                // udf #0: permanently undefined
    mrs x21, esr_el2
    mov x1, x27
    adr x2, undef_insn
    cmp x1, x2
    cset x22, eq

    mov x3, #0x10
bad_load:
    ldr x4, [x3]                    // nothing is mapped at 0x10
    mrs x23, esr_el2
    mrs x24, far_el2
    mov x1, x27
    adr x2, bad_load
    cmp x1, x2
    cset x25, eq
    system_off

    .balign 2048
vectors:
    .skip 0x200
    // current EL with SP_ELx, synchronous: count, keep ELR in x27 for the
    // program to check, then resume after the faulting instruction (or
    // after the SVC, where ELR already points)
    add x26, x26, #1
    mrs x27, elr_el2
    mrs x9, esr_el2
    lsr x9, x9, #26
    cmp x9, #0x15                   // SVC64: ELR is already the next one
    b.eq 1f
    mrs x10, elr_el2
    add x10, x10, #4
    msr elr_el2, x10
1:  eret
