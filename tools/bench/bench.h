/* tools/bench/bench.h: what the benchmark workloads share. Each workload is
 * one source assembled twice: bare-metal for elsim (starts at EL2, powers
 * off through PSCI) and, with -DBENCH_LINUX, as a static Linux user-mode
 * program for qemu-aarch64 (exits through the exit syscall). Only the exit
 * differs, and both exits are three instructions, so the two builds run the
 * same dynamic instruction stream of the same length. */
#ifndef BENCH_H
#define BENCH_H

/* Load a 32-bit constant: two instructions. */
.macro mov32 reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
.endm

/* The end of a run: three instructions either way. */
.macro bench_exit
#ifdef BENCH_LINUX
    mov x0, #0
    mov x8, #93                     // exit(0)
    svc #0
#else
    movz w0, #0x0008
    movk w0, #0x8400, lsl #16       // PSCI SYSTEM_OFF
    smc #0
#endif
.endm

#endif
