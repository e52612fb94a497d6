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

const char *outcome_class_name(unsigned cls)
{
    static const char *const names[OC_CLASSES] = {
        [OC_NOT_REACHED] = "not reached",
        [OC_CAUGHT] = "caught in window, exit bit 31",
        [OC_DEFERRED] = "deferred by ESB, exit bit 31",
        [OC_DEFERRED_LOST] = "deferred by ESB, never reported (lost)",
        [OC_FROM_GUEST] = "taken from the guest",
        [OC_OUTSIDE_WINDOW] = "taken at EL2 outside a window",
        [OC_PANIC] = "hyp panic",
        [OC_RUN_ENDED] = "run ended otherwise",
        [OC_TO_HOST] = "left pending to the host",
        [OC_LOST] = "still pending at the end (lost)",
    };
    return cls < OC_CLASSES ? names[cls] : "?";
}

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
    if (r->el == A64_EL2 && p->window_start && (r->elr == p->window_start || r->elr == p->window_end)) {
        o->cls = OC_CAUGHT;
        snprintf(o->label, sizeof o->label, "caught in window, exit bit 31");
    } else if (from_guest) {
        o->cls = OC_FROM_GUEST;
        snprintf(o->label, sizeof o->label, "taken from the guest (%s exit)",
                 o->el1_serror_exits ? "EL1_SERROR" : o->irq_exits ? "IRQ" : "trap");
    } else {
        o->cls = OC_OUTSIDE_WINDOW;
        snprintf(o->label, sizeof o->label, "taken at EL%u outside a window", r->el);
    }
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
        o->cls = OC_NOT_REACHED;
        snprintf(o->label, sizeof o->label, "not reached");
        return;
    }
    o->fate = r->fate;
    o->el = r->el;
    o->elr = r->elr;
    if (h->end == HEND_PANIC) {
        o->cls = OC_PANIC;
        snprintf(o->label, sizeof o->label, "hyp panic");
        snprintf(o->detail, sizeof o->detail, "%.150s", h->why);
        return;
    }
    if (h->end != HEND_POWEROFF) {
        o->cls = OC_RUN_ENDED;
        snprintf(o->label, sizeof o->label, "run ended: %.80s", h->why);
        return;
    }
    switch (r->fate) {
    case AFATE_TAKEN:
        classify_taken(h, r, o);
        break;
    case AFATE_DEFERRED:
        o->cls = o->serror_bit_exits ? OC_DEFERRED : OC_DEFERRED_LOST;
        snprintf(o->label, sizeof o->label, "%s", outcome_class_name(o->cls));
        break;
    case AFATE_HOST:
        o->cls = OC_TO_HOST;
        snprintf(o->label, sizeof o->label, "left pending to the host");
        break;
    default:
        o->cls = OC_LOST;
        snprintf(o->label, sizeof o->label, "still pending at the end (lost)");
        break;
    }
    if (o->guest_differs)
        strncat(o->label, "; guest state differs", sizeof o->label - strlen(o->label) - 1);
}
