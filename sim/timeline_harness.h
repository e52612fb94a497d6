/* sim/timeline_harness.h: the world-switch harness's steps on the timeline:
 * each call of __guest_enter, its return with the exit code, and the
 * host-side handling of the exit. */
#ifndef SIM_TIMELINE_HARNESS_H
#define SIM_TIMELINE_HARNESS_H

#include <stdint.h>

#include "harness.h"
#include "timeline.h"

/* The harness is about to run __guest_enter (the CPU is set up). */
void timeline_harness_enter(harness *h);
/* __guest_enter returned with exit code `code` in x0. */
void timeline_harness_return(harness *h, uint64_t code);
/* The harness handled that exit; the clock was at `from` before. */
void timeline_harness_exit(harness *h, uint64_t code, uint64_t from);

#endif
