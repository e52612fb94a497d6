/* isa/timing.h: the cycle model: an in-order, single-issue pipeline with
 * per-kind latencies, a register scoreboard (a consumer waits for its
 * producer), a store buffer that DSB drains, pipeline refills for ISB,
 * exception entry and ERET, and per-register system-register costs. The
 * numbers come from the CPU model files in models/. */
#ifndef TIMING_H
#define TIMING_H

#include <stdint.h>

#include "sysreg.h"

/* What an instruction costs as, derived once per row of the decode table. */
enum a64_tkind {
    TK_ALU, TK_MUL, TK_DIV, TK_LOAD, TK_STORE, TK_ATOMIC, TK_BRANCH, TK_FP_LOAD, TK_FP_STORE,
    TK_FP_MOVE, TK_MRS, TK_MSR, TK_DMB, TK_DSB, TK_ISB, TK_HINT, TK_SYS, TK_EXC, TK_ERET,
    TK_COUNT
};

#define A64_SB_MAX 32

typedef struct a64_timing {
    uint16_t lat[TK_COUNT];   /* result latency (or cost) of each kind, cycles */
    uint16_t branch_taken;    /* extra cycles when a branch is taken */
    uint16_t exc_entry;       /* pipeline refill on exception entry */
    uint16_t eret;            /* pipeline refill after ERET */
    uint16_t isb;             /* pipeline refill after ISB */
    uint8_t sb_depth;         /* store buffer entries (0: stores do not buffer) */
    uint16_t sb_drain;        /* cycles for one entry to drain */
    uint32_t cycles_per_tick; /* generic counter: cycles per counter tick */
    uint16_t sr_read[SR_COUNT], sr_write[SR_COUNT]; /* per register; 0: lat[TK_MRS/MSR] */
} a64_timing;

/* Names of the kinds as model files spell them ("alu", "load"...). */
extern const char *const a64_tkind_names[TK_COUNT];

/* Parameters of a model with one-cycle everything (the reset default). */
void a64_timing_default(a64_timing *t);

#endif
