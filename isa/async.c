/* isa/async.c: routing, masking and taking of physical and virtual IRQ,
 * FIQ and SError, ESB deferral and ISR_EL1, following the Arm ARM's
 * interrupt routing tables and AArch64.ESBOperation/vESBOperation. */
#include "async.h"

#include "exception.h"
#include "regs.h"

#define DISR_A (UINT32_C(1) << 31)
#define SERROR_ISS_MASK 0x01ffffffu
#define SERROR_ISS_IESB (1u << 13)

typedef struct kind_info {
    uint64_t route;  /* HCR_EL2 routing bit: AMO, IMO, FMO */
    uint32_t mask;   /* PSTATE bit: A, I, F */
    uint64_t vbit;   /* HCR_EL2 virtual pending bit: VSE, VI, VF */
    unsigned vector; /* offset within the vector group */
} kind_info;

static const kind_info kinds[ASYNC_KINDS] = {
    [ASYNC_SERROR] = { HCR_EL2_AMO, PSTATE_A, HCR_EL2_VSE, VEC_SERROR },
    [ASYNC_IRQ] = { HCR_EL2_IMO, PSTATE_I, HCR_EL2_VI, VEC_IRQ },
    [ASYNC_FIQ] = { HCR_EL2_FMO, PSTATE_F, HCR_EL2_VF, VEC_FIQ },
};

void a64_set_irq(a64_cpu *c, bool level) { c->irq_line = level; }
void a64_set_fiq(a64_cpu *c, bool level) { c->fiq_line = level; }

void a64_set_serror(a64_cpu *c, bool pending, uint32_t iss)
{
    c->serror_pending = pending;
    c->serror_iss = iss & SERROR_ISS_MASK;
}

static bool phys_pending(const a64_cpu *c, unsigned k)
{
    switch (k) {
    case ASYNC_SERROR: return c->serror_pending;
    case ASYNC_IRQ: return c->irq_line || c->timer_lines; // timers drive IRQ directly
    default: return c->fiq_line;
    }
}

/* Routed to EL2: EL2 exists and the routing bit or TGE is set. */
static bool routed_to_el2(const a64_cpu *c, unsigned k)
{
    return (c->feat & FEAT_BIT(FEAT_EL2)) &&
           (c->sr[SR_HCR_EL2] & (kinds[k].route | HCR_EL2_TGE));
}

/* Where a physical exception of kind k goes from the current EL, and
 * whether it is masked there. A target below the current EL counts as
 * masked: an exception routed to EL1 is never taken at EL2. */
static unsigned phys_target(const a64_cpu *c, unsigned k, uint32_t daif, bool *masked)
{
    unsigned el = c->ps.el;
    if (routed_to_el2(c, k)) {
        // routed to EL2, PSTATE masks it only when already at EL2
        *masked = el == A64_EL2 && (daif & kinds[k].mask);
        return A64_EL2;
    }
    *masked = el > A64_EL1 || (daif & kinds[k].mask);
    return A64_EL1;
}

/* Virtual exceptions exist only with the routing bit set and TGE clear,
 * are taken only at EL0/EL1, to EL1, masked by PSTATE. */
static bool virt_pending(const a64_cpu *c, unsigned k)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    return (c->feat & FEAT_BIT(FEAT_EL2)) && (hcr & kinds[k].vbit) && (hcr & kinds[k].route) &&
           !(hcr & HCR_EL2_TGE);
}

static void report(a64_cpu *c, unsigned k, bool virt, unsigned fate, unsigned el, uint64_t vec)
{
    if (c->env.async_event)
        c->env.async_event(c->env.ctx, c, k, virt, fate, el, vec);
}

static void take(a64_cpu *c, unsigned k, bool virt, unsigned target, uint32_t iss)
{
    bool is_serror = k == ASYNC_SERROR;
    a64_exception_entry(c, target, kinds[k].vector, c->pc, is_serror, syn_serror(iss));
    report(c, k, virt, FATE_TAKEN, target, c->pc);
}

bool a64_async_take(a64_cpu *c)
{
    uint32_t daif = c->ps.daif | c->recog_hold;
    for (unsigned k = 0; k < ASYNC_KINDS; k++) {
        bool masked;
        if (!phys_pending(c, k))
            continue;
        unsigned t = phys_target(c, k, daif, &masked);
        if (masked)
            continue;
        uint32_t iss = c->serror_iss | (c->iesb_window ? SERROR_ISS_IESB : 0);
        if (k == ASYNC_SERROR)
            c->serror_pending = false; // taking an SError consumes it
        take(c, k, false, t, iss);
        return true;
    }
    if (c->ps.el > A64_EL1)
        return false;
    for (unsigned k = 0; k < ASYNC_KINDS; k++) {
        if (!virt_pending(c, k) || (daif & kinds[k].mask))
            continue;
        uint32_t iss = 0;
        if (k == ASYNC_SERROR) {
            // taking a virtual SError clears VSE; with RAS its syndrome is VSESR_EL2
            c->sr[SR_HCR_EL2] &= ~HCR_EL2_VSE;
            if (c->feat & FEAT_BIT(FEAT_RAS))
                iss = (uint32_t)c->sr[SR_VSESR_EL2] & SERROR_ISS_MASK;
        }
        take(c, k, true, A64_EL1, iss);
        return true;
    }
    return false;
}

bool a64_serror_takeable(const a64_cpu *c)
{
    bool masked;
    if (!c->serror_pending)
        return false;
    phys_target(c, ASYNC_SERROR, c->ps.daif, &masked);
    return !masked;
}

void a64_esb(a64_cpu *c)
{
    if (!(c->feat & FEAT_BIT(FEAT_RAS)))
        return; // without RAS, ESB is a NOP
    // ESB synchronizes errors: a held recognition of A ends here
    c->recog_hold &= ~PSTATE_A;
    bool masked;
    if (c->serror_pending) {
        phys_target(c, ASYNC_SERROR, c->ps.daif, &masked);
        if (masked) {
            // ESB defers a masked physical SError into DISR_EL1
            c->sr[SR_DISR_EL1] = DISR_A | c->serror_iss;
            c->serror_pending = false;
            report(c, ASYNC_SERROR, false, FATE_DEFERRED, c->ps.el, 0);
        }
        // an unmasked one is taken at the boundary after the ESB
    }
    if (c->ps.el <= A64_EL1 && virt_pending(c, ASYNC_SERROR) && (c->ps.daif & PSTATE_A)) {
        // vESBOperation: a masked virtual SError goes to VDISR_EL2
        c->sr[SR_VDISR_EL2] = DISR_A | ((uint32_t)c->sr[SR_VSESR_EL2] & SERROR_ISS_MASK);
        c->sr[SR_HCR_EL2] &= ~HCR_EL2_VSE;
        report(c, ASYNC_SERROR, true, FATE_DEFERRED, c->ps.el, 0);
    }
}

void a64_daif_unmasked(a64_cpu *c, uint32_t cleared_bits)
{
    if (c->async_policy == A64_ASYNC_LATEST)
        c->recog_hold |= cleared_bits & PSTATE_DAIF_MASK;
}

uint64_t a64_isr_value(const a64_cpu *c)
{
    // ISR_EL1 bits: A 8, I 7, F 6 — the PSTATE bit positions
    uint64_t v = 0;
    for (unsigned k = 0; k < ASYNC_KINDS; k++) {
        bool pend;
        if (c->ps.el <= A64_EL1 && routed_to_el2(c, k) && !(c->sr[SR_HCR_EL2] & HCR_EL2_TGE))
            pend = virt_pending(c, k); // EL1 with the routing bit set sees the virtual state
        else
            pend = phys_pending(c, k);
        if (pend)
            v |= kinds[k].mask;
    }
    return v;
}

int a64_disr_target(const a64_cpu *c)
{
    if (c->ps.el == A64_EL1 && (c->feat & FEAT_BIT(FEAT_EL2)) && (c->sr[SR_HCR_EL2] & HCR_EL2_AMO))
        return SR_VDISR_EL2;
    return SR_DISR_EL1;
}
