/* tests/diff/run.h: running sequences on both sides of the differential
 * test (qemu-aarch64 with runner.S, and elsim's CPU) into final states. */
#ifndef DIFF_RUN_H
#define DIFF_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "gen.h"

#define STATUS_LIMIT (-1)      /* elsim did not reach DR_EXIT */
#define STATUS_OTHER_EXC (-2)  /* elsim took an exception with no signal equivalent */
#define STATUS_STOPPED (-3)    /* elsim's run loop stopped (cpu.stop set) */

/* Final state of one run, on either side. */
typedef struct dstate {
    int status;         /* 0: reached DR_EXIT; > 0 signal; < 0 STATUS_* */
    uint64_t pc, nzcv, far;
    uint64_t x[31];
    uint64_t v[32][2];
    uint8_t data[DR_DATA_SIZE];
    uint32_t esr;       /* elsim: the syndrome when it faulted */
    int stop;           /* elsim: cpu.stop (enum a64_stop) when it stopped */
} dstate;

/* Run `n` sequences in one qemu-aarch64 process; `work(arg)` runs while
 * qemu does. Returns how many results came back (n when all is well);
 * exits with status 2 when qemu or the runner cannot be used at all. */
unsigned run_qemu(const char *qemu, const char *runner, const dseq *seqs, unsigned n, dstate *out,
                  void (*work)(void *), void *arg);
/* Run one sequence on a fresh elsim CPU at EL0. */
void run_elsim(const dseq *s, dstate *st);

uint64_t get64(const uint8_t *p);

#endif
