// tools/bench/big.S: a 270 MB image for run.sh's memory check: the size of
// a vmlinux with debug information, nearly all of it one data segment of
// which the program reads one word and writes one. Only the pages that run
// or are written should cost resident memory (the image is mapped, not
// copied). Not built by default: `cmake --build B --target bench_big_elf`.
#include "bench.h"

    .text
    .globl _start
_start:
    adr x1, blob
    ldr x2, [x1]
    str x2, [x1, #8]
    bench_exit

    .data
    .balign 4096
blob:
    .fill 270 * 1024 * 1024, 1, 0x5a
