// tools/bench/mem.S: loads and stores over a 64 KiB buffer (in .bss): each
// pass walks it 16 bytes at a time with unsigned-offset, post-index and
// pair forms, reading both words, and writing both back changed.
//
// Dynamic instruction count (checked by the test bench.mem):
//   setup:  mov32 x0 (2) + mov x5                                  =                 3
//   pass:   adr + mov (2), then 4096 steps of 8 (ldr, ldr, add, add,
//           str, str, subs, b.ne), then subs + b.ne (2)         = 4 + 8 * 4096 = 32772
//   passes: PASSES = 6000                                 = 6000 * 32772 = 196632000
//   exit:   bench_exit                                             =                 3
//   total:  6 + 196632000                                         =         196632006
#include "bench.h"
#define PASSES 6000
#define STEPS 4096 /* 64 KiB / 16 bytes */
// EXPECT stop=poweroff
// EXPECT insns=196632006
// x3, x4: the same loop written in C gives these values
// EXPECT x3=0xf3a243ec3449f3a0
// EXPECT x4=0x1633a27234d5e380

    .text
    .globl _start
_start:
    mov32 x0, PASSES
    mov x5, #3
pass:
    adr x1, buf
    mov x2, #STEPS
step:
    ldr x3, [x1]
    ldr x4, [x1, #8]
    add x3, x3, x5
    add x4, x4, x3
    str x3, [x1, #8]
    str x4, [x1], #16
    subs x2, x2, #1
    b.ne step
    subs x0, x0, #1
    b.ne pass
    bench_exit

    .bss
    .balign 4096
buf:    .space 65536
