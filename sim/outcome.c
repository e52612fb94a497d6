/* sim/outcome.c: the one place outcomes of injected asynchronous
 * exceptions are classified: caught in the hyp's window, deferred by an ESB
 * and reported, taken from the guest, a hyp panic, left to the host, lost
 * (still pending) or never injected; and whether the guest's state differs
 * from a run without the injection. */
#include "outcome.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "exception.h"

void outcome_digest(harness *h, run_digest *d)
{
    memset(d, 0, sizeof *d);
    for (unsigned n = 0; n < 31; n++)
        d->guest_x[n] = harness_guest_x(h, n);
    uint32_t x = 2166136261u; // FNV-1a over the console bytes
    for (unsigned i = 0; i < h->conlen; i++)
        x = (x ^ (uint8_t)h->conbuf[i]) * 16777619u;
    d->console_hash = x;
    d->end = h->end;
}

/* The record of the first injection, or NULL if it never fired. */
static const sim_async_record *injected(const sim_machine *m)
{
    for (unsigned i = 0; i < m->nrec; i++)
        if (m->rec[i].injection == 0)
            return &m->rec[i];
    return NULL;
}

static bool guest_took_virtual(const sim_machine *m)
{
    for (unsigned i = 0; i < m->nrec; i++)
        if (m->rec[i].kind == INJ_VSERROR && m->rec[i].fate == AFATE_TAKEN)
            return true;
    return false;
}

static void classify_taken(harness *h, const sim_async_record *r, sweep_outcome *o)
{
    const hyp_profile *p = &h->prof;
    char sym[96];
    machine_symbolize(h->m, r->elr, sym, sizeof sym);
    uint64_t lower = h->m->cpu.sr[SR_VBAR_EL2] + VEC_LOWER_A64;
    bool from_guest = r->el == A64_EL2 && r->vector >= lower && r->vector < lower + 0x200;
    if (r->el == A64_EL2 && p->window_start && (r->elr == p->window_start || r->elr == p->window_end))
        snprintf(o->label, sizeof o->label, "caught in window, exit bit 31");
    else if (from_guest)
        snprintf(o->label, sizeof o->label, "taken from the guest (%s exit)",
                 o->el1_serror_exits ? "EL1_SERROR" : o->irq_exits ? "IRQ" : "trap");
    else
        snprintf(o->label, sizeof o->label, "taken at EL%u outside a window", r->el);
    snprintf(o->detail, sizeof o->detail, "EL%u vector 0x%" PRIx64 " ELR=%s", r->el, r->vector,
             sym[0] ? sym : "?");
}

void outcome_classify(harness *h, const run_digest *ref, sweep_outcome *o)
{
    memset(o, 0, sizeof *o);
    o->end = h->end;
    o->serror_bit_exits = h->exits_serror_bit;
    o->el1_serror_exits = h->exits[1];
    o->irq_exits = h->exits[0];
    const sim_async_record *r = injected(h->m);
    o->reached = r != NULL;
    o->guest_saw_virtual = guest_took_virtual(h->m);
    run_digest d;
    outcome_digest(h, &d);
    o->guest_differs = memcmp(d.guest_x, ref->guest_x, sizeof d.guest_x) != 0 ||
                       d.console_hash != ref->console_hash;
    if (!r) {
        snprintf(o->label, sizeof o->label, "not reached");
        return;
    }
    o->fate = r->fate;
    o->el = r->el;
    o->elr = r->elr;
    if (h->end == HEND_PANIC) {
        snprintf(o->label, sizeof o->label, "hyp panic");
        snprintf(o->detail, sizeof o->detail, "%.150s", h->why);
        return;
    }
    if (h->end != HEND_POWEROFF) {
        snprintf(o->label, sizeof o->label, "run ended: %.80s", h->why);
        return;
    }
    switch (r->fate) {
    case AFATE_TAKEN:
        classify_taken(h, r, o);
        break;
    case AFATE_DEFERRED:
        snprintf(o->label, sizeof o->label, o->serror_bit_exits ? "deferred by ESB, exit bit 31"
                                                                 : "deferred by ESB, never reported (lost)");
        break;
    case AFATE_HOST: snprintf(o->label, sizeof o->label, "left pending to the host"); break;
    default: snprintf(o->label, sizeof o->label, "still pending at the end (lost)"); break;
    }
    if (o->guest_differs)
        strncat(o->label, "; guest state differs", sizeof o->label - strlen(o->label) - 1);
}
