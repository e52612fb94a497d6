/* isa/async.h: asynchronous exceptions: the physical IRQ, FIQ and SError
 * inputs and the virtual ones of HCR_EL2, their routing and masking, the
 * recognition-timing policy, RAS deferral (ESB, DISR/VDISR), ISR_EL1. */
#ifndef ASYNC_H
#define ASYNC_H

#include "a64.h"

/* In the fixed order elsim takes them when several are takeable:
 * physical before virtual, SError before IRQ before FIQ. */
enum a64_async_kind { ASYNC_SERROR, ASYNC_IRQ, ASYNC_FIQ, ASYNC_KINDS };

/* What became of an asynchronous exception (reported to the machine). */
enum a64_async_fate {
    FATE_TAKEN,    /* exception entry at `el` through `vector` */
    FATE_DEFERRED, /* ESB recorded it in DISR_EL1 (or VDISR_EL2 for a virtual one) */
};

/* Inputs, driven by the machine (injection, devices). IRQ and FIQ are
 * levels; a physical SError stays pending until taken or deferred. */
void a64_set_irq(a64_cpu *c, bool level);
void a64_set_fiq(a64_cpu *c, bool level);
void a64_set_serror(a64_cpu *c, bool pending, uint32_t iss);

/* True when an asynchronous exception could need attention at the next
 * boundary (a cheap test for the run loop). */
static inline bool a64_async_any(const a64_cpu *c)
{
    return c->irq_line | c->fiq_line | c->serror_pending | (c->timer_lines != 0) |
           ((c->sr[SR_HCR_EL2] >> 6) & 7); // HCR_EL2.VF, VI, VSE
}
/* At an instruction boundary: take the first takeable one. True if taken. */
bool a64_async_take(a64_cpu *c);

/* A physical SError is pending and would be taken at the current EL now. */
bool a64_serror_takeable(const a64_cpu *c);
/* ESB (FEAT_RAS): defer a pending masked SError into DISR_EL1/VDISR_EL2,
 * or take an unmasked one. */
void a64_esb(a64_cpu *c);
/* A context synchronization event: DAIF bits unmasked under the `latest`
 * policy are recognised from here on. */
static inline void a64_context_sync(a64_cpu *c) { c->recog_hold = 0; }
/* PSTATE.DAIF bits were cleared by MSR: under `latest`, hold them masked
 * for recognition until the next context synchronization event. */
void a64_daif_unmasked(a64_cpu *c, uint32_t cleared_bits);

/* ISR_EL1 as the current EL reads it (A bit 8, I bit 7, F bit 6). */
uint64_t a64_isr_value(const a64_cpu *c);
/* The register DISR_EL1 accesses reach: VDISR_EL2 at EL1 with AMO = 1. */
int a64_disr_target(const a64_cpu *c);

#endif
