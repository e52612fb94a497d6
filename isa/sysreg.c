/* isa/sysreg.c: the system-register table compiled from sysregs.def, the
 * encoding lookup, and the MRS/MSR access checks (EL, feature, traps). */
#include "sysreg.h"

#include <pthread.h>
#include <string.h>

#include "a64.h"
#include "async.h"
#include "timer.h"
#include "regs.h"

const sysreg_info sysreg_table[SR_COUNT] = {
#define SR(name_, op0, op1, crn, crm, op2, el, acc, feat_, trap_, hook_, reset_, wmask_) \
    { .name = #name_, .enc = SYSREG_ENC(op0, op1, crn, crm, op2), .min_el = el,          \
      .access = acc, .feat = feat_, .trap = trap_, .hook = hook_, .reset = reset_,       \
      .wmask = wmask_ },
#include "sysregs.def"
#undef SR
};

const char *const a64_feature_names[FEAT_COUNT] = {
    [FEAT_NONE] = "", [FEAT_EL2] = "EL2", [FEAT_PAN] = "PAN", [FEAT_UAO] = "UAO",
    [FEAT_RAS] = "RAS", [FEAT_IESB] = "IESB", [FEAT_SSBS] = "SSBS", [FEAT_DIT] = "DIT",
    [FEAT_PAUTH] = "PAUTH", [FEAT_MTE] = "MTE", [FEAT_BTI] = "BTI", [FEAT_SB] = "SB",
    [FEAT_VHE] = "VHE", [FEAT_LSE] = "LSE", [FEAT_LOR] = "LOR",
    [FEAT_CRC32] = "CRC32",
};

/* Encoding -> row + 1 (0: no row); built once, read-only afterwards. */
static uint16_t enc_index[1u << 16];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    for (int i = 0; i < SR_COUNT; i++)
        enc_index[sysreg_table[i].enc & 0xffff] = (uint16_t)(i + 1);
}

int sysreg_lookup(uint32_t enc)
{
    pthread_once(&index_once, build_index);
    if (enc > 0xffff)
        return -1;
    return (int)enc_index[enc] - 1;
}

int sysreg_by_name(const char *name)
{
    for (int i = 0; i < SR_COUNT; i++)
        if (strcmp(sysreg_table[i].name, name) == 0)
            return i;
    return -1;
}

void sysreg_reset(a64_cpu *c)
{
    for (int i = 0; i < SR_COUNT; i++)
        c->sr[i] = sysreg_table[i].reset;
}

/* ---- views ---- */


static uint64_t hook_read(a64_cpu *c, int id)
{
    switch (sysreg_table[id].hook) {
    case HOOK_NZCV: return c->ps.nzcv;
    case HOOK_DAIF: return c->ps.daif;
    case HOOK_CURRENTEL: return (uint64_t)c->ps.el << 2;
    case HOOK_SPSEL: return c->ps.sp;
    case HOOK_PAN: return (uint64_t)c->ps.pan << 22;
    case HOOK_UAO: return (uint64_t)c->ps.uao << 23;
    case HOOK_DIT: return (uint64_t)c->ps.dit << 24;
    case HOOK_SSBS: return (uint64_t)c->ps.ssbs << 12;
    case HOOK_FPCR: return c->fpcr;
    case HOOK_FPSR: return c->fpsr;
    case HOOK_SP_EL0: return c->sp_el[0];
    case HOOK_SP_EL1: return c->sp_el[1];
    case HOOK_CNTPCT: return a64_counter(c);
    case HOOK_CNTVCT: return a64_counter(c) - c->sr[SR_CNTVOFF_EL2];
    case HOOK_TIMER_CTL: return a64_timer_ctl_read(c, id);
    case HOOK_TIMER_TVAL: return a64_timer_tval_read(c, id);
    case HOOK_ISR: return a64_isr_value(c);
    case HOOK_DISR: return c->sr[a64_disr_target(c)];
    default: return c->sr[id];
    }
}

static void hook_write(a64_cpu *c, int id, uint64_t v)
{
    switch (sysreg_table[id].hook) {
    case HOOK_NZCV: c->ps.nzcv = (uint32_t)v; break;
    case HOOK_DAIF:
        a64_daif_unmasked(c, c->ps.daif & ~(uint32_t)v);
        c->ps.daif = (uint32_t)v & PSTATE_DAIF_MASK;
        break;
    case HOOK_SPSEL: c->ps.sp = (uint8_t)v; break;
    case HOOK_PAN: c->ps.pan = (uint8_t)(v >> 22); break;
    case HOOK_UAO: c->ps.uao = (uint8_t)(v >> 23); break;
    case HOOK_DIT: c->ps.dit = (uint8_t)(v >> 24); break;
    case HOOK_SSBS: c->ps.ssbs = (uint8_t)(v >> 12); break;
    case HOOK_FPCR: c->fpcr = v; break;
    case HOOK_FPSR: c->fpsr = v; break;
    case HOOK_SP_EL0: c->sp_el[0] = v; break;
    case HOOK_SP_EL1: c->sp_el[1] = v; break;
    case HOOK_DISR: c->sr[a64_disr_target(c)] = v; break;
    case HOOK_TIMER_CTL:
    case HOOK_TIMER_CVAL:
        c->sr[id] = v;
        a64_timer_update(c);
        break;
    case HOOK_TIMER_TVAL: a64_timer_tval_write(c, id, v); break;
    case HOOK_CURRENTEL:
    case HOOK_CNTPCT:
    case HOOK_CNTVCT:
    case HOOK_ISR: break; // read-only views
    default: c->sr[id] = v; break;
    }
}

uint64_t sysreg_get(a64_cpu *c, int id) { return hook_read(c, id); }
/* The machine may set read-only registers (ID values from the model), so
 * the writable mask does not apply here. */
void sysreg_set(a64_cpu *c, int id, uint64_t val) { hook_write(c, id, val); }

/* ---- access checks ---- */

/* EL2 is enabled for EL0/EL1 whenever it is implemented: this model has no
 * Secure EL0/EL1 (EL3 is a firmware stub), so EL2Enabled() is "has EL2". */
static bool el2_enabled(const a64_cpu *c) { return (c->feat & FEAT_BIT(FEAT_EL2)) != 0; }

/* HCR_EL2.E2H is RES0 without FEAT_VHE, whatever was written to it. */
static bool e2h(const a64_cpu *c)
{
    return (c->feat & FEAT_BIT(FEAT_VHE)) && (c->sr[SR_HCR_EL2] & HCR_EL2_E2H);
}

/* EL0 of a VHE host (HCR_EL2.E2H = TGE = 1): its enables live in EL2. */
static bool el0_in_host(const a64_cpu *c)
{
    return el2_enabled(c) && e2h(c) && (c->sr[SR_HCR_EL2] & HCR_EL2_TGE);
}

/* The EL0 timer enables: CNTKCTL_EL1, or for a VHE host's EL0 the same
 * bits of CNTHCTL_EL2. */
static bool timer_el0_enabled(const a64_cpu *c, uint64_t bits)
{
    uint64_t ctl = el0_in_host(c) ? c->sr[SR_CNTHCTL_EL2] : c->sr[SR_CNTKCTL_EL1];
    return (ctl & bits) != 0;
}

/* CNTHCTL_EL2.EL1PCTEN / EL1PCEN clear: EL0/EL1 physical counter or timer
 * accesses trap to EL2. They sit at bits 0/1, or 10/11 when HCR_EL2.E2H
 * is 1; a VHE host's EL0 is gated by the EL0 bits alone (DDI 0487:
 * CNTHCTL_EL2, and the access pseudocode of CNTPCT_EL0 and CNTP_CTL_EL0). */
static bool cnthctl_traps(const a64_cpu *c, uint64_t bit_e2h0, uint64_t bit_e2h1)
{
    if (c->ps.el == A64_EL0 && el0_in_host(c))
        return false;
    uint64_t bit = e2h(c) ? bit_e2h1 : bit_e2h0;
    return !(c->sr[SR_CNTHCTL_EL2] & bit);
}

/* EL0 access disabled by an EL1 control: trapped where EL0's synchronous
 * exceptions go. These come before any EL2 trap, as in the Arm ARM's
 * pseudocode for each register. */
static bool el0_disabled(const a64_cpu *c, unsigned rule, bool is_read)
{
    uint64_t pmu = c->sr[SR_PMUSERENR_EL0];
    switch (rule) {
    case TRAP_CTR: {
        uint64_t sctlr = el0_in_host(c) ? c->sr[SR_SCTLR_EL2] : c->sr[SR_SCTLR_EL1];
        return !(sctlr & SCTLR_UCT);
    }
    // a VHE host's EL0 would use MDCR_EL2.TDCC (FEAT_FGT), not modelled
    case TRAP_DCC: return (c->sr[SR_MDSCR_EL1] & MDSCR_EL1_TDCC) != 0;
    case TRAP_PMU:
    case TRAP_PMCR: return !(pmu & PMUSERENR_EL0_EN);
    case TRAP_PMSWINC: return !(pmu & (PMUSERENR_EL0_EN | PMUSERENR_EL0_SW));
    case TRAP_PMCCNTR: return !(pmu & (PMUSERENR_EL0_EN | (is_read ? PMUSERENR_EL0_CR : 0)));
    case TRAP_PMEVCNTR: return !(pmu & (PMUSERENR_EL0_EN | (is_read ? PMUSERENR_EL0_ER : 0)));
    case TRAP_PMSELR: return !(pmu & (PMUSERENR_EL0_EN | PMUSERENR_EL0_ER));
    case TRAP_CNTPCT: return !timer_el0_enabled(c, CNTKCTL_EL0PCTEN);
    case TRAP_CNTVCT: return !timer_el0_enabled(c, CNTKCTL_EL0VCTEN);
    case TRAP_CNTP: return !timer_el0_enabled(c, CNTKCTL_EL0PTEN);
    case TRAP_CNTV: return !timer_el0_enabled(c, CNTKCTL_EL0VTEN);
    case TRAP_CNTFRQ: return !timer_el0_enabled(c, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN);
    default: return false;
    }
}

/* EL0/EL1 access trapped to EL2 by the rule's EL2 control. */
static bool el2_trapped(const a64_cpu *c, unsigned rule, bool is_read)
{
    uint64_t hcr = c->sr[SR_HCR_EL2], mdcr = c->sr[SR_MDCR_EL2];
    // MDCR_EL2.TDE, or HCR_EL2.TGE, makes TDA, TDOSA and TDRA act as 1
    if ((mdcr & MDCR_EL2_TDE) || (hcr & HCR_EL2_TGE))
        mdcr |= MDCR_EL2_TDA | MDCR_EL2_TDOSA | MDCR_EL2_TDRA;
    switch (rule) {
    case TRAP_VM: return (hcr & (is_read ? HCR_EL2_TRVM : HCR_EL2_TVM)) != 0;
    case TRAP_TID1: return (hcr & HCR_EL2_TID1) != 0;
    case TRAP_TID2:
    case TRAP_CTR: return (hcr & HCR_EL2_TID2) != 0;
    case TRAP_TID3: return (hcr & HCR_EL2_TID3) != 0;
    case TRAP_TACR: return (hcr & HCR_EL2_TACR) != 0;
    case TRAP_TERR: return (hcr & HCR_EL2_TERR) != 0;
    case TRAP_APK: return (hcr & HCR_EL2_APK) == 0;
    case TRAP_TLOR: return (hcr & HCR_EL2_TLOR) != 0;
    case TRAP_TIDCP: return (hcr & HCR_EL2_TIDCP) != 0;
    case TRAP_ATA: return (hcr & HCR_EL2_ATA) == 0;
    case TRAP_TCPAC: return (c->sr[SR_CPTR_EL2] & CPTR_EL2_TCPAC) != 0;
    case TRAP_TDA:
    case TRAP_DCC: return (mdcr & MDCR_EL2_TDA) != 0;
    case TRAP_TDOSA: return (mdcr & MDCR_EL2_TDOSA) != 0;
    case TRAP_TDRA: return (mdcr & MDCR_EL2_TDRA) != 0;
    case TRAP_PMU:
    case TRAP_PMSWINC:
    case TRAP_PMCCNTR:
    case TRAP_PMEVCNTR:
    case TRAP_PMSELR:
    case TRAP_PMUSERENR: return (mdcr & MDCR_EL2_TPM) != 0;
    case TRAP_PMCR: return (mdcr & (MDCR_EL2_TPM | MDCR_EL2_TPMCR)) != 0;
    case TRAP_CNTPCT: return cnthctl_traps(c, CNTHCTL_EL2_EL1PCTEN, CNTHCTL_EL2_E2H_EL1PCTEN);
    case TRAP_CNTP: return cnthctl_traps(c, CNTHCTL_EL2_EL1PCEN, CNTHCTL_EL2_E2H_EL1PCEN);
    default: return false;
    }
}

/* Where a rule sends an access to a register that exists at this EL. */
static enum sr_result apply_rule(const a64_cpu *c, unsigned rule, bool is_read)
{
    if (c->ps.el == A64_EL0 && el0_disabled(c, rule, is_read))
        return SR_TRAP_EL1;
    if (c->ps.el < A64_EL2 && el2_enabled(c) && el2_trapped(c, rule, is_read))
        return SR_TRAP_EL2;
    return SR_OK;
}

/* Register-specific rules the columns cannot say. */
static bool extra_undef(const a64_cpu *c, int id, bool is_read)
{
    switch (id) {
    case SR_SP_EL0: return c->ps.sp == 0; // SP_EL0 is not accessible while in use
    case SR_TPIDRRO_EL0: return !is_read && c->ps.el == A64_EL0;
    case SR_PMUSERENR_EL0: return !is_read && c->ps.el == A64_EL0; // RO at EL0
    case SR_CNTFRQ_EL0: return !is_read && c->ps.el < A64_EL2; // EL2 is the highest modelled EL
    default: return false;
    }
}

static enum sr_result check(a64_cpu *c, int id, bool is_read)
{
    if (id < 0)
        return SR_UNDEF;
    const sysreg_info *r = &sysreg_table[id];
    if (r->feat != FEAT_NONE && !(c->feat & FEAT_BIT(r->feat)))
        return SR_UNDEF;
    if (c->ps.el < r->min_el)
        return SR_UNDEF;
    if ((is_read && r->access == SR_WO) || (!is_read && r->access == SR_RO))
        return SR_UNDEF;
    if (extra_undef(c, id, is_read))
        return SR_UNDEF;
    return apply_rule(c, r->trap, is_read);
}

enum sr_result sysreg_read(a64_cpu *c, int id, uint64_t *val)
{
    enum sr_result res = check(c, id, true);
    if (res == SR_OK)
        *val = hook_read(c, id);
    return res;
}

enum sr_result sysreg_write(a64_cpu *c, int id, uint64_t val)
{
    enum sr_result res = check(c, id, false);
    if (res != SR_OK)
        return res;
    const sysreg_info *r = &sysreg_table[id];
    // bits outside the writable mask keep their value (read-only fields
    // such as PMCR_EL0.N, RES1 bits); views mask their own state
    if (r->hook == HOOK_NONE)
        val = (c->sr[id] & ~r->wmask) | (val & r->wmask);
    else
        val &= r->wmask;
    hook_write(c, id, val);
    return res;
}

/* ---- encodings no row has ---- */

#define ENC_OP0(e) (((e) >> 14) & 3u)
#define ENC_OP1(e) (((e) >> 11) & 7u)
#define ENC_CRN(e) (((e) >> 7) & 15u)
#define ENC_CRM(e) (((e) >> 3) & 15u)

/* op0=3, op1=0, CRn=0, CRm=1..7: the ID register space, whose unallocated
 * encodings are reserved RAZ (read-only, EL1 and up) and trapped by
 * HCR_EL2.TID3 (DDI 0487: the op0=0b11 encoding table and HCR_EL2.TID3). */
static bool id_space_reserved(uint32_t enc)
{
    return ENC_OP0(enc) == 3 && ENC_OP1(enc) == 0 && ENC_CRN(enc) == 0 && ENC_CRM(enc) >= 1 &&
           ENC_CRM(enc) <= 7;
}

/* op0=3, CRn=11 or 15: the encodings the Arm ARM reserves for
 * IMPLEMENTATION DEFINED registers. This model implements none. */
static bool impdef_space(uint32_t enc)
{
    return ENC_OP0(enc) == 3 && (ENC_CRN(enc) == 11 || ENC_CRN(enc) == 15);
}

static enum sr_result unlisted(const a64_cpu *c, uint32_t enc, bool is_read)
{
    if (id_space_reserved(enc)) {
        if (c->ps.el == A64_EL0 || !is_read)
            return SR_UNDEF;
        return apply_rule(c, TRAP_TID3, true);
    }
    // with HCR_EL2.TIDCP an EL1 access traps before it can be UNDEFINED;
    // EL0 accesses stay UNDEFINED (the Arm ARM leaves trapping them to the
    // implementation)
    if (impdef_space(enc) && c->ps.el == A64_EL1 && apply_rule(c, TRAP_TIDCP, is_read) == SR_TRAP_EL2)
        return SR_TRAP_EL2;
    return SR_UNDEF;
}

enum sr_result sysreg_read_enc(a64_cpu *c, uint32_t enc, uint64_t *val)
{
    int id = sysreg_lookup(enc);
    if (id >= 0)
        return sysreg_read(c, id, val);
    enum sr_result res = unlisted(c, enc, true);
    if (res == SR_OK)
        *val = 0; // reserved ID register: RAZ
    return res;
}

enum sr_result sysreg_write_enc(a64_cpu *c, uint32_t enc, uint64_t val)
{
    int id = sysreg_lookup(enc);
    if (id >= 0)
        return sysreg_write(c, id, val);
    return unlisted(c, enc, false);
}
