/* isa/exec_exc.c: exception-generating instructions (SVC, HVC, SMC, BRK,
 * HLT) and ERET (with ERETAA/ERETAB). */
#include "async.h"
#include "decode.h"
#include "exception.h"
#include "pauth.h"
#include "regs.h"

static uint16_t imm16(const a64_dec *d) { return (uint16_t)a64_fld(d, 'i'); }

void exec_svc(a64_cpu *c, const a64_dec *d)
{
    // SVC from EL0 goes to EL1 (EL2 with TGE); from ELx to ELx
    a64_raise(c, a64_sync_target_el(c), syn_svc(imm16(d)), c->pc + 4);
}

void exec_hvc(a64_cpu *c, const a64_dec *d)
{
    // HVC is UNDEFINED at EL0 and without EL2; with no EL3 the HVC
    // pseudocode has hvc_enable = NOT(HCR_EL2.HCD), so HCD = 1 makes it
    // UNDEFINED at EL1 and at EL2 alike (HCR_EL2.HCD: "HVC instructions are
    // UNDEFINED at EL2 and EL1")
    if (c->ps.el == A64_EL0 || !(c->feat & FEAT_BIT(FEAT_EL2)) ||
        (c->sr[SR_HCR_EL2] & HCR_EL2_HCD)) {
        a64_undefined(c);
        return;
    }
    if (c->ps.el == A64_EL1 && c->env.hvc) {
        c->env.hvc(c->env.ctx, c, imm16(d)); // the HVC conduit: firmware answers
        return;
    }
    a64_raise(c, A64_EL2, syn_hvc(imm16(d)), c->pc + 4);
}

void exec_smc(a64_cpu *c, const a64_dec *d)
{
    if (c->ps.el == A64_EL0) {
        a64_undefined(c);
        return;
    }
    // HCR_EL2.TSC traps an EL1 SMC to EL2 with ELR at the SMC itself
    if (c->ps.el == A64_EL1 && (c->feat & FEAT_BIT(FEAT_EL2)) &&
        (c->sr[SR_HCR_EL2] & HCR_EL2_TSC)) {
        a64_raise(c, A64_EL2, syn_smc(imm16(d)), c->pc);
        return;
    }
    if (!c->env.smc) {
        a64_undefined(c); // no EL3
        return;
    }
    c->env.smc(c->env.ctx, c, imm16(d));
}

void exec_brk(a64_cpu *c, const a64_dec *d)
{
    a64_raise(c, a64_sync_target_el(c), syn_brk(imm16(d)), c->pc);
}

void exec_hlt(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    a64_undefined(c); // halting debug is not enabled: HLT is UNDEFINED
}

/* ERET (arg 0), and ERETAA/ERETAB (FEAT_PAuth; arg: the key), which
 * return to ELR authenticated against SP. */
void exec_eret(a64_cpu *c, const a64_dec *d)
{
    int arg = a64_arg(d);
    if (c->ps.el == A64_EL0 || (arg && !(c->feat & FEAT_BIT(FEAT_PAUTH)))) {
        a64_undefined(c);
        return;
    }
    uint64_t target = c->sr[c->ps.el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1];
    // AuthIA/AuthIB (and their HCR_EL2.API trap) come before the return's
    // error synchronization below
    if (arg && !a64_pac_auth(c, (unsigned)arg & PA_KEY_MASK, target, a64_sp(c), &target))
        return;
    // SCTLR_ELx.IESB: ERET starts with an implicit error synchronization;
    // an SError unmasked here is taken before the return, ELR = the ERET
    uint64_t sctlr = c->sr[c->ps.el == A64_EL2 ? SR_SCTLR_EL2 : SR_SCTLR_EL1];
    if ((c->feat & FEAT_BIT(FEAT_IESB)) && (sctlr & SCTLR_IESB) && a64_serror_takeable(c)) {
        c->iesb_window = true;
        c->recog_hold &= ~PSTATE_A; // errors are synchronized here
        c->no_retire = true; // the ERET did not execute
        return;
    }
    a64_exception_return_to(c, target);
}
