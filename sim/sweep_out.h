/* sim/sweep_out.h: a sweep's results: the per-point records, and their
 * table, JSON and CSV forms (also read back by `sim sweep-merge`). */
#ifndef SIM_SWEEP_OUT_H
#define SIM_SWEEP_OUT_H

#include <stdio.h>

#include "machine.h"
#include "outcome.h"

typedef struct sweep_point {
    size_t index;         /* instruction index in the range */
    uint64_t addr;
    uint8_t policy;       /* enum a64_async_policy the point ran with */
    char where[96];       /* symbol+offset */
    char insn[64];        /* disassembly */
    sweep_outcome o;
} sweep_point;

typedef struct sweep_report {
    const char *hyp, *guest, *kind;
    uint64_t from, to;
    bool explore;
    unsigned shard_k, shard_n;
    sweep_point *points;
    size_t npoints;
    int ref_end;
} sweep_report;

enum sweep_format { SWEEP_TEXT, SWEEP_JSON, SWEEP_CSV };

/* Fill where/insn of each point from the machine's symbols and memory. */
void sweep_describe(sim_machine *m, sweep_point *pts, size_t n);
void sweep_print(const sweep_report *r, sim_machine *m, enum sweep_format f, FILE *out);

#endif
