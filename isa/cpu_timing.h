/* isa/cpu_timing.h: the timing model's entry points for the step loop
 * (private to isa/). */
#ifndef CPU_TIMING_H
#define CPU_TIMING_H

#include "a64.h"

/* Fill the timing fields of a freshly decoded instruction. */
void a64_timing_predecode(a64_dec *d);
/* Charge a retired instruction executed at `el`. */
void a64_timing_account(a64_cpu *c, const a64_dec *d, unsigned el);
/* Charge an exception entry (the refill) to `el`, the level it left. */
void a64_timing_exception(a64_cpu *c, unsigned el);

#endif
