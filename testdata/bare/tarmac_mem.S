// testdata/bare/tarmac_mem.S: one of each kind of data access, with values
// known from the source, for the Tarmac trace tests (tests/tarmac): single
// stores and loads of every size, X and W pairs, an LSE atomic, a CAS, an
// exclusive pair of instructions, a Q register, and conditional branches
// that are and are not taken. At EL2, on the generic model (LSE).
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT x10=0x1122334455667788
// EXPECT x11=0x88
// EXPECT x12=0x7788
// EXPECT x13=0x55667788
// EXPECT x14=0x1122334455667788
// EXPECT x15=0xa0a0a0a0b0b0b0b0
// EXPECT x16=0x5
// EXPECT x17=0x1122334455667788
// EXPECT x18=0x0
// EXPECT x19=0x1
// EXPECT x20=0xa0a0a0a0b0b0b0b0
// EXPECT mem:0x40200000=0x1122334455667788
// EXPECT mem:0x40200018=0x6
// EXPECT mem:0x40200020=0x99
// EXPECT mem:0x40200028=0x77

    .text
    .globl _start
_start:
    mov64 x0, 0x40200000            // data page, away from the code
    mov64 x1, 0x1122334455667788
    mov64 x2, 0xa0a0a0a0b0b0b0b0
    .globl store_x
store_x:
    str x1, [x0]                    // MW8 0x40200000 = x1
    ldr x10, [x0]                   // MR8
    ldrb w11, [x0]                  // MR1: the low byte, 0x88 (little-endian)
    ldrh w12, [x0]                  // MR2
    ldr w13, [x0]                   // MR4
    .globl pair_x
pair_x:
    stp x1, x2, [x0, #0x40]         // two MW8: x1 at 0x40200040, x2 at 0x40200048
    ldp x14, x15, [x0, #0x40]       // two MR8
    .globl pair_w
pair_w:
    stp w1, w2, [x0, #0x50]         // one MW8: w2:w1 = 0xb0b0b0b0_55667788
    mov x3, #5
    str x3, [x0, #0x18]
    .globl atomic_add
atomic_add:
    ldadd x19, x16, [x0]            // x19 is 0: MR8 and MW8 of the same value
    add x4, x0, #0x18
    mov x19, #1
    ldadd x19, x16, [x4]            // MR8 5, MW8 6; x16 = 5
    mov x5, #0x99
    add x6, x0, #0x20
    mov x7, #0
    cas x7, x5, [x6]                // memory 0 = x7: MR8 0, MW8 0x99
    add x8, x0, #0x28
    ldxr x9, [x8]                   // MR8 0
    mov x9, #0x77
    stxr w18, x9, [x8]              // MW8 0x77, w18 = 0 (the monitor holds)
    .globl store_q
store_q:
    fmov d0, x1                     // q0 = 0:x1
    str q0, [x0, #0x60]             // two MW8: x1 at 0x40200060, 0 at 0x40200068
    ldr x17, [x0, #0x60]
    .globl not_taken
not_taken:
    cmp x3, #5                      // Z set
    b.ne 1f                         // not taken: IS
    cbnz x7, 1f                     // x7 is 0: not taken: IS
    tbnz x3, #1, 1f                 // bit 1 of 5 is 0: not taken: IS
    csel x20, x1, x2, ne            // condition false, yet it executes: IT
    .globl taken
taken:
    b.eq 1f                         // taken: IT
    nop
1:  system_off
