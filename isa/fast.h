/* isa/fast.h: specialised handlers for the rows hot code is made of (ALU,
 * branches, loads and stores), picked at predecode. Each reads operands the
 * predecode extracted once into the decoded instruction (a64_dec.r[] and
 * .imm) instead of fields of the word, and does what the row's own handler
 * does; a load or store that misses the host-pointer TLB, is unaligned or
 * uses an unaligned SP runs the row's own handler instead. The handlers
 * are checked against the rows' own on random words and states
 * (tests/test_fastpath.c). Private to isa/. */
#ifndef FAST_H
#define FAST_H

#include "a64.h"

/* Give `d` (decoded from its word, timing fields filled, a plain row:
 * d->xop == XOP_CALL) a specialised handler when its row and operands have
 * one: d->fn becomes it and d->xop its code (fast_ops.h), which the run
 * loop then runs inline; otherwise leave both alone. */
void a64_fast_select(a64_dec *d);

#endif
