// testdata/bare/arith.S: loops and arithmetic at EL2: the sum 1..100,
// 10!, the 50th Fibonacci number, a division and flags from a compare.
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT status=0
// EXPECT el=2
// EXPECT x19=0x13ba
// EXPECT x20=0x375f00
// EXPECT x21=0x2ee333961
// EXPECT x22=0x7
// EXPECT x23=0x3
// EXPECT nzcv=0x8

    .text
    .globl _start
_start:
    // x19 = 1 + 2 + ... + 100 = 5050 = 0x13ba
    mov x19, #0
    mov x1, #100
1:  add x19, x19, x1
    subs x1, x1, #1
    b.ne 1b

    // x20 = 10! = 3628800 = 0x375f00
    mov x20, #1
    mov x1, #10
2:  mul x20, x20, x1
    sub x1, x1, #1
    cbnz x1, 2b

    // x21 = F(50) = 12586269025 = 0x2ee333961 (F(1) = F(2) = 1)
    mov x2, #0
    mov x3, #1
    mov x1, #50
3:  add x4, x2, x3
    mov x2, x3
    mov x3, x4
    subs x1, x1, #1
    b.ne 3b
    mov x21, x2

    // 52 / 7 = 7 remainder 3
    mov x5, #52
    mov x6, #7
    udiv x22, x5, x6
    msub x23, x22, x6, x5

    // 3 - 5 is negative, borrows (C clear), no overflow: NZCV = 1000
    mov x7, #3
    cmp x7, #5
    system_off

    // never executed (system_off ends the run): a PC an injection can name
    // that is in the image but never reached
never_reached:
    b never_reached
