// tools/bench/empty.S: nothing but the exit, for run.sh to measure what
// starting and ending a run costs (subtracted from each workload's time).
// Dynamic instruction count (checked by the test bench.empty): bench_exit = 3.
#include "bench.h"
// EXPECT stop=poweroff
// EXPECT insns=3

    .text
    .globl _start
_start:
    bench_exit
