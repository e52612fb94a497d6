// testdata/bare/memory.S: stores, loads, a byte copy loop, a call that
// saves its frame with stp/ldp, and sign-extending loads, at EL2.
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT x19=0x1122334455667788
// EXPECT x20=0xffffffffffffff88
// EXPECT x21=0x7788
// EXPECT x22=0x55667788
// EXPECT x23=0x1122334455667788
// EXPECT x24=0x2a
// EXPECT mem:0x40200010=0x1122334455667788
// EXPECT sp=0x80000000

    .text
    .globl _start
_start:
    mov64 x1, 0x40200000           // data page, away from the code
    mov64 x2, 0x1122334455667788
    str x2, [x1]
    ldr x19, [x1]
    ldrsb x20, [x1]                 // 0x88 sign-extends
    ldrh w21, [x1]
    ldr w22, [x1]

    // copy 8 bytes from [x1] to [x1, #16], one byte at a time
    add x3, x1, #16
    mov x4, #8
1:  ldrb w5, [x1], #1
    strb w5, [x3], #1
    subs x4, x4, #1
    b.ne 1b
    sub x3, x3, #8
    ldr x23, [x3]

    mov x0, #40
    bl add_two
    mov x24, x0
    system_off

// x0 += 2, through a stack frame the callee saves and restores
add_two:
    stp x29, x30, [sp, #-16]!
    mov x29, sp
    add x0, x0, #2
    ldp x29, x30, [sp], #16
    ret
