// tools/bench/alu.S: a dependent ALU chain: every instruction of the loop
// body reads the result of the one before it (x1), so an in-order model
// charges each a full ALU latency and a JIT cannot reorder anything away.
//
// Dynamic instruction count (checked by the test bench.alu):
//   setup:  mov32 x0 (2) + 4 movs                               =          6
//   loop:   8 chained ALU + subs + b.ne = 10, ITERS times        = 10 * ITERS
//   exit:   bench_exit                                           =          3
//   total:  9 + 10 * ITERS = 9 + 10 * 20000000                  =  200000009
#include "bench.h"
#define ITERS 20000000
// EXPECT stop=poweroff
// EXPECT insns=200000009
// x1: the same loop written in C gives this value
// EXPECT x1=0x26f4ac68e2657f4

    .text
    .globl _start
_start:
    mov32 x0, ITERS
    mov x1, #1
    mov x2, #0x9e37
    mov x3, #0x79b9
    mov x4, #0x7f4a
loop:
    add x1, x1, x2
    eor x1, x1, x3
    add x1, x1, x1, lsl #3
    sub x1, x1, x4
    orr x1, x1, #1
    ror x1, x1, #7
    and x1, x1, #0x7ffffffffffffff
    eor x1, x1, x1, lsr #11
    subs x0, x0, #1
    b.ne loop
    bench_exit
