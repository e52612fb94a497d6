/* isa/timer.c: the generic timer (Arm ARM chapter D11): CNTPCT counts at
 * CNTFRQ from the cycle clock; a timer's condition is met when its count
 * (CNTVCT for the virtual one) >= CVAL, which sets ISTATUS and, enabled and
 * unmasked, asserts its interrupt. Interrupt lines go straight to the
 * physical IRQ input: there is no GIC in this model. */
#include "timer.h"

#include "sysreg.h"

typedef struct timer_regs {
    int ctl, cval, tval;
    bool virt; /* counts CNTVCT = CNTPCT - CNTVOFF_EL2 */
} timer_regs;

static const timer_regs timers[TIMER_COUNT] = {
    [TIMER_PHYS] = { SR_CNTP_CTL_EL0, SR_CNTP_CVAL_EL0, SR_CNTP_TVAL_EL0, false },
    [TIMER_VIRT] = { SR_CNTV_CTL_EL0, SR_CNTV_CVAL_EL0, SR_CNTV_TVAL_EL0, true },
    [TIMER_HYP_PHYS] = { SR_CNTHP_CTL_EL2, SR_CNTHP_CVAL_EL2, SR_CNTHP_TVAL_EL2, false },
};

uint64_t a64_counter(const a64_cpu *c) { return c->cycles / c->timing.cycles_per_tick; }

static uint64_t count_of(const a64_cpu *c, const timer_regs *t)
{
    return a64_counter(c) - (t->virt ? c->sr[SR_CNTVOFF_EL2] : 0);
}

static bool met(const a64_cpu *c, const timer_regs *t) { return count_of(c, t) >= c->sr[t->cval]; }

/* The first cycle at which the count reaches CVAL. */
static uint64_t deadline_of(const a64_cpu *c, const timer_regs *t)
{
    uint64_t ticks = c->sr[t->cval] + (t->virt ? c->sr[SR_CNTVOFF_EL2] : 0);
    uint64_t cpt = c->timing.cycles_per_tick;
    if (ticks > UINT64_MAX / cpt)
        return UINT64_MAX; // beyond any run
    return ticks * cpt;
}

void a64_timer_update(a64_cpu *c)
{
    uint8_t lines = 0;
    uint64_t next = UINT64_MAX;
    for (unsigned i = 0; i < TIMER_COUNT; i++) {
        const timer_regs *t = &timers[i];
        uint64_t ctl = c->sr[t->ctl];
        if ((ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) != CNT_CTL_ENABLE)
            continue; // disabled or masked: no interrupt to schedule
        if (met(c, t)) {
            lines |= (uint8_t)(1u << i);
        } else {
            uint64_t d = deadline_of(c, t);
            if (d < next)
                next = d;
        }
    }
    c->timer_lines = lines & (uint8_t)~c->timer_mask;
    c->timer_deadline = next;
}

uint8_t a64_timer_signalling(const a64_cpu *c)
{
    uint8_t lines = 0;
    for (unsigned i = 0; i < TIMER_COUNT; i++) {
        const timer_regs *t = &timers[i];
        if ((c->sr[t->ctl] & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) == CNT_CTL_ENABLE && met(c, t))
            lines |= (uint8_t)(1u << i);
    }
    return lines;
}

static const timer_regs *by_reg(int id)
{
    for (unsigned i = 0; i < TIMER_COUNT; i++)
        if (timers[i].ctl == id || timers[i].tval == id)
            return &timers[i];
    return &timers[0];
}

uint64_t a64_timer_ctl_read(const a64_cpu *c, int id)
{
    const timer_regs *t = by_reg(id);
    uint64_t ctl = c->sr[id] & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
    // ISTATUS: the condition is met (reported whether or not masked)
    if ((ctl & CNT_CTL_ENABLE) && met(c, t))
        ctl |= CNT_CTL_ISTATUS;
    return ctl;
}

uint64_t a64_timer_tval_read(const a64_cpu *c, int id)
{
    const timer_regs *t = by_reg(id);
    // TVAL = CVAL - count, as a signed 32-bit value
    return (uint32_t)(c->sr[t->cval] - count_of(c, t));
}

void a64_timer_tval_write(a64_cpu *c, int id, uint64_t v)
{
    const timer_regs *t = by_reg(id);
    int64_t sv = (int32_t)(uint32_t)v; // TVAL is sign-extended into CVAL = count + TVAL
    c->sr[t->cval] = count_of(c, t) + (uint64_t)sv;
    a64_timer_update(c);
}
