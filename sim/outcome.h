/* sim/outcome.h: what became of one injected asynchronous exception in a
 * world-switch run, classified in one place and compared with a run
 * without the injection (used by sweeps and scripts). */
#ifndef SIM_OUTCOME_H
#define SIM_OUTCOME_H

#include <stdbool.h>
#include <stdint.h>

#include "harness.h"

/* The guest-visible end state of a run, to compare runs with. */
typedef struct run_digest {
    uint64_t guest_x[31];
    uint32_t console_hash;
    int end;
} run_digest;

/* The outcome classes, one per label family (the label adds details). */
enum outcome_class {
    OC_NOT_REACHED,     /* the injection never fired */
    OC_CAUGHT,          /* taken in the hyp's window, exit bit 31 */
    OC_DEFERRED,        /* deferred by an ESB and reported with bit 31 */
    OC_DEFERRED_LOST,   /* deferred by an ESB, never reported */
    OC_FROM_GUEST,      /* taken from the guest (an EL1_SERROR/IRQ/trap exit) */
    OC_OUTSIDE_WINDOW,  /* taken at EL2 outside a window, the run went on */
    OC_PANIC,           /* a hyp panic */
    OC_RUN_ENDED,       /* the run ended otherwise (limit, crash, error) */
    OC_TO_HOST,         /* left pending to the host */
    OC_LOST,            /* still pending at the end */
    OC_CLASSES
};
/* A short name for the class ("caught in window"), for legends. */
const char *outcome_class_name(unsigned cls);

typedef struct sweep_outcome {
    char label[96];      /* the class, e.g. "caught in window, exit bit 31" */
    uint8_t cls;         /* enum outcome_class */
    char detail[160];    /* where it was taken, ELR symbol... */
    int end;             /* enum harness_end */
    uint8_t fate;        /* enum async_fate of the injected exception */
    uint8_t el;
    uint64_t elr;
    uint64_t serror_bit_exits, el1_serror_exits, irq_exits;
    bool reached;        /* the injection fired */
    bool guest_saw_virtual; /* a virtual SError was taken by the guest */
    bool guest_differs;  /* guest registers or console differ from the reference */
} sweep_outcome;

void outcome_digest(harness *h, run_digest *d);
/* Classify the run in h (its injection is the first one) against ref. */
void outcome_classify(harness *h, const run_digest *ref, sweep_outcome *out);

#endif
