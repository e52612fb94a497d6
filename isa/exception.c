/* isa/exception.c: synchronous exceptions raised by handlers, exception
 * entry (the only writer of ELR/SPSR/ESR/FAR) and ERET. */
#include "exception.h"

#include "async.h"
#include "decode.h"
#include "pstate.h"
#include "regs.h"

/* Per target EL, the registers an exception writes. */
static const int reg_elr[3] = { -1, SR_ELR_EL1, SR_ELR_EL2 };
static const int reg_spsr[3] = { -1, SR_SPSR_EL1, SR_SPSR_EL2 };
static const int reg_esr[3] = { -1, SR_ESR_EL1, SR_ESR_EL2 };
static const int reg_far[3] = { -1, SR_FAR_EL1, SR_FAR_EL2 };
static const int reg_vbar[3] = { -1, SR_VBAR_EL1, SR_VBAR_EL2 };
static const int reg_sctlr[3] = { -1, SR_SCTLR_EL1, SR_SCTLR_EL2 };

unsigned a64_sync_target_el(const a64_cpu *c)
{
    if (c->ps.el == A64_EL0)
        return (c->sr[SR_HCR_EL2] & HCR_EL2_TGE) ? A64_EL2 : A64_EL1;
    return c->ps.el;
}

void a64_raise(a64_cpu *c, unsigned target_el, uint32_t esr, uint64_t pref_ret)
{
    // the first exception of a step wins: a handler stops at its first fault
    if (c->exc.pending)
        return;
    c->exc.pending = true;
    c->exc.target_el = (uint8_t)target_el;
    c->exc.esr = esr;
    c->exc.pref_ret = pref_ret;
    c->exc.far_valid = false;
    c->exc.hpfar_valid = false;
}

void a64_undefined(a64_cpu *c)
{
    a64_raise(c, a64_sync_target_el(c), syn_uncategorized(), c->pc);
}

/* HCR_EL2.TEA (FEAT_RAS) routes synchronous external aborts from EL0/EL1
 * to EL2. */
static unsigned abort_target_el(const a64_cpu *c, unsigned fsc)
{
    if (fsc == FSC_SEA && c->ps.el <= A64_EL1 && (c->feat & FEAT_BIT(FEAT_RAS)) &&
        (c->sr[SR_HCR_EL2] & HCR_EL2_TEA))
        return A64_EL2;
    return a64_sync_target_el(c);
}

void a64_data_abort(a64_cpu *c, uint64_t va, bool is_write, unsigned dfsc)
{
    unsigned t = abort_target_el(c, dfsc);
    a64_raise(c, t, syn_data_abort(t == c->ps.el, is_write, false, dfsc), c->pc);
    c->exc.far_valid = true;
    c->exc.far = va;
}

void a64_insn_abort(a64_cpu *c, uint64_t va, unsigned ifsc)
{
    unsigned t = abort_target_el(c, ifsc);
    a64_raise(c, t, syn_insn_abort(t == c->ps.el, ifsc), va);
    c->exc.far_valid = true;
    c->exc.far = va;
}

#define HPFAR_FIPA_SHIFT 4
#define S2_FAULT_LEVEL 3

void a64_stage2_data_abort(a64_cpu *c, uint64_t va, uint64_t ipa, unsigned len, bool is_write)
{
    uint32_t isv = c->cur ? a64_ldst_isv_syndrome(c->cur, len) : 0;
    uint32_t esr = syn_data_abort(false, is_write, false, FSC_TRANSLATION_L(S2_FAULT_LEVEL)) | isv;
    a64_raise(c, A64_EL2, esr, c->pc);
    c->exc.far_valid = true;
    c->exc.far = va;
    c->exc.hpfar_valid = true;
    c->exc.hpfar = (ipa >> A64_PAGE_SHIFT) << HPFAR_FIPA_SHIFT; // FIPA = IPA[51:12] at bit 4
}

void a64_pc_alignment_fault(a64_cpu *c, uint64_t target)
{
    a64_raise(c, a64_sync_target_el(c), syn_pc_align(), target);
    c->exc.far_valid = true;
    c->exc.far = target;
}

void a64_sp_alignment_fault(a64_cpu *c)
{
    a64_raise(c, a64_sync_target_el(c), syn_sp_align(), c->pc);
}

void a64_exception_entry(a64_cpu *c, unsigned target_el, unsigned type_offset, uint64_t pref_ret,
                         bool write_esr, uint32_t esr)
{
    unsigned from = c->ps.el;
    unsigned base;
    if (from == target_el)
        base = c->ps.sp ? VEC_CUR_SPX : VEC_CUR_SP0;
    else
        base = VEC_LOWER_A64; // every lower EL is AArch64 in this model

    c->sr[reg_spsr[target_el]] = a64_pstate_to_spsr(&c->ps);
    c->sr[reg_elr[target_el]] = pref_ret;
    if (write_esr)
        c->sr[reg_esr[target_el]] = esr;

    uint64_t sctlr = c->sr[reg_sctlr[target_el]];
    c->ps.daif = PSTATE_DAIF_MASK;
    c->ps.ss = 0;
    c->ps.il = 0;
    c->ps.btype = 0;
    c->ps.el = (uint8_t)target_el;
    c->ps.sp = 1;
    c->ps.uao = 0; // UAO is cleared on exception entry (FEAT_UAO)
    bool e2h_tge = (c->sr[SR_HCR_EL2] & (HCR_EL2_E2H | HCR_EL2_TGE)) == (HCR_EL2_E2H | HCR_EL2_TGE);
    if ((c->feat & FEAT_BIT(FEAT_PAN)) && !(sctlr & SCTLR_SPAN) &&
        (target_el == A64_EL1 || (target_el == A64_EL2 && e2h_tge)))
        c->ps.pan = 1; // SCTLR_ELx.SPAN == 0 sets PAN on entry
    if (c->feat & FEAT_BIT(FEAT_SSBS))
        c->ps.ssbs = !!(sctlr & SCTLR_DSSBS);

    c->excl_valid = false;
    a64_context_sync(c); // exception entry is a context synchronization event
    // SCTLR_ELx.IESB: an SError unmasked at the vector is taken before its
    // first instruction, with ESR.IESB set
    c->iesb_window = (c->feat & FEAT_BIT(FEAT_IESB)) && (sctlr & SCTLR_IESB);
    uint64_t vec = c->sr[reg_vbar[target_el]] + base + type_offset;
    c->pc = vec;
    c->last_vector = vec;
    c->insns_at_entry = c->insns;
    c->exc_taken++;
    if (c->env.on_entry)
        c->env.on_entry(c->env.ctx, c, from);
}

void a64_take_sync(a64_cpu *c)
{
    a64_exc e = c->exc;
    c->exc.pending = false;
    // a fault in the first instruction of the vector just entered would
    // re-enter the same vector for ever: no handler can exist, so stop
    if (c->exc_taken && e.pref_ret == c->last_vector && c->insns == c->insns_at_entry) {
        c->stop = A64_STOP_EXC_LOOP;
        c->exc = e;
        return;
    }
    if (e.far_valid)
        c->sr[reg_far[e.target_el]] = e.far;
    if (e.hpfar_valid)
        c->sr[SR_HPFAR_EL2] = e.hpfar;
    a64_exception_entry(c, e.target_el, VEC_SYNC, e.pref_ret, true, e.esr);
}

/* AArch64.ExceptionReturn's legality test for the SPSR being returned to,
 * judged against the PSTATE of the ERET (before SPSR is loaded). */
static bool return_is_illegal(const a64_cpu *c, uint32_t spsr)
{
    unsigned m = spsr & SPSR_M_MASK;
    unsigned target = (m >> SPSR_M_EL_SHIFT) & 3;
    if (m & SPSR_M_RW)
        return true; // AArch32 is not implemented at any EL
    if (m & 2)
        return true; // M[1] set: reserved encoding
    if (target == A64_EL0 && (m & SPSR_M_SP))
        return true; // EL0 with SP_EL0 only: 0b0001 is reserved
    if (target > c->ps.el)
        return true;
    if (target == A64_EL2 && !(c->feat & FEAT_BIT(FEAT_EL2)))
        return true;
    // IllegalExceptionReturn(): "EL2Enabled() && target == EL1 &&
    // HCR_EL2.TGE == '1'" is illegal whatever the current EL
    if (target == A64_EL1 && (c->feat & FEAT_BIT(FEAT_EL2)) && (c->sr[SR_HCR_EL2] & HCR_EL2_TGE))
        return true; // EL1 is not reachable while TGE routes it to EL2
    return false;
}

void a64_exception_return(a64_cpu *c) { a64_exception_return_to(c, c->sr[reg_elr[c->ps.el]]); }

void a64_exception_return_to(a64_cpu *c, uint64_t elr)
{
    unsigned el = c->ps.el;
    uint32_t spsr = (uint32_t)c->sr[reg_spsr[el]];
    a64_pstate old = c->ps;
    // decide legality against the current EL (UInt(target) > UInt(PSTATE.EL)
    // in IllegalExceptionReturn) before SPSR overwrites PSTATE.EL
    bool illegal = return_is_illegal(c, spsr);

    a64_spsr_to_pstate(spsr, &c->ps);
    if (illegal) {
        // illegal return: EL and SP selection stay, IL is set, the rest of
        // PSTATE (NZCV, DAIF, PAN...) still comes from SPSR
        c->ps.el = old.el;
        c->ps.sp = old.sp;
        c->ps.il = 1;
    }
    c->excl_valid = false;
    c->event_reg = true; // an exception return sets the event register
    a64_context_sync(c); // and is a context synchronization event
    c->next_pc = elr;
    if (c->env.on_eret)
        c->env.on_eret(c->env.ctx, c, old.el);
}
