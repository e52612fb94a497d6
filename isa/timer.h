/* isa/timer.h: the generic timer: the counter driven by the cycle clock,
 * the EL1 physical and virtual timers and the EL2 physical timer, whose
 * conditions drive interrupt lines at the exact cycle they are met. */
#ifndef TIMER_H
#define TIMER_H

#include "a64.h"

#define CNT_CTL_ENABLE 1u
#define CNT_CTL_IMASK 2u
#define CNT_CTL_ISTATUS 4u

enum a64_timer_id { TIMER_PHYS, TIMER_VIRT, TIMER_HYP_PHYS, TIMER_COUNT };

/* CNTPCT_EL0: the count at the current cycle. */
uint64_t a64_counter(const a64_cpu *c);
/* Re-evaluate every timer's condition and its interrupt line, and the
 * cycle at which the next one will be met (c->timer_deadline). */
void a64_timer_update(a64_cpu *c);
/* Timers whose condition is met, enabled and unmasked (bit per
 * enum a64_timer_id), whatever c->timer_mask holds off. */
uint8_t a64_timer_signalling(const a64_cpu *c);
uint64_t a64_timer_ctl_read(const a64_cpu *c, int ctl_id);
uint64_t a64_timer_tval_read(const a64_cpu *c, int tval_id);
void a64_timer_tval_write(a64_cpu *c, int tval_id, uint64_t v);

#endif
