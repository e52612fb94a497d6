/* sim/trace_step.h: what the trace writers share: the trace object and one
 * traced step as they see it (trace.c steps and writes the text format,
 * trace_tarmac.c writes Tarmac). Private to the trace writers. */
#ifndef SIM_TRACE_STEP_H
#define SIM_TRACE_STEP_H

#include <capstone/capstone.h>

#include "a64.h"
#include "trace.h"

struct sim_machine;

struct sim_trace {
    FILE *out;
    bool owns;
    csh cs;
    bool cs_ok;
    enum trace_format format;
    a64_cpu before;     /* state before the step, to report what changed */
    a64_cpu after;      /* state after the last step (Tarmac: changes made
                         * between steps, by the harness, are reported too) */
    bool started;       /* a step has been written */
    uint64_t tarmac_n;  /* Tarmac instruction lines written */
    a64_access_log log; /* the accesses of the step (Tarmac) */
};

/* One step: the instruction at pc (word, when memory holds it) and what
 * the step did. */
typedef struct trace_step_info {
    uint64_t pc;
    uint64_t cycles;  /* c->cycles before the step */
    uint32_t word;
    bool fetched;     /* word was read from memory at pc */
    bool exception;   /* an exception was entered */
    bool async;       /* ... an asynchronous one, at the boundary before pc */
    bool retired;     /* the instruction completed */
} trace_step_info;

/* Write one step in the Tarmac format (t->before holds the state before
 * it, m->cpu the state after, t->log its accesses). */
void trace_tarmac_step(sim_trace *t, struct sim_machine *m, const trace_step_info *s);

#endif
