// tools/bench/branch.S: a branchy loop with calls: each iteration tests a
// bit (tbz), calls one of two leaf functions with bl (one of them through
// blr), takes or skips an increment on a cbnz, and loops on b.ne. Half the
// conditional branches go each way.
//
// Dynamic instruction count (checked by the test bench.branch). x0 counts
// ITERS down to 1; per iteration:
//   x0 odd:          tbz + bl + odd_fn (add, ret) + b + and + cbnz
//                    + subs + b.ne                                 = 9
//   x0 even:         tbz + blr + even_fn (eor, add, ret) + and + cbnz
//                    + subs + b.ne                                 = 9
//                    + the add when x0 % 4 == 0                    = 1
//   so 37 per four iterations (ITERS is a multiple of 4).
//   setup:  mov32 x0 (2) + mov x5 + mov x6 + adr x7                =          5
//   loop:   37 * ITERS / 4 = 37 * 5400000                          =  199800000
//   exit:   bench_exit                                             =          3
//   total:                                                         =  199800008
#include "bench.h"
#define ITERS 21600000
// EXPECT stop=poweroff
// EXPECT insns=199800008
// EXPECT x6=0x5265c0

    .text
    .globl _start
_start:
    mov32 x0, ITERS
    mov x5, #0
    mov x6, #0
    adr x7, even_fn
loop:
    tbz x0, #0, 1f
    bl odd_fn
    b 2f
1:  blr x7
2:  and x3, x0, #3
    cbnz x3, 3f
    add x6, x6, #1
3:  subs x0, x0, #1
    b.ne loop
    bench_exit

odd_fn:
    add x5, x5, x0
    ret

even_fn:
    eor x5, x5, x0
    add x5, x5, #3
    ret
