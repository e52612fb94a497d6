/* isa/sysreg.c: the system-register table compiled from sysregs.def, the
 * encoding lookup, and the MRS/MSR access checks (EL, feature, traps). */
#include "sysreg.h"

#include <pthread.h>
#include <string.h>

#include "a64.h"
#include "async.h"
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

static uint64_t counter_value(const a64_cpu *c)
{
    // the timing model (not yet built) charges one cycle per step; the
    // counter ticks with it
    return c->cycles;
}

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
    case HOOK_CNTPCT: return counter_value(c);
    case HOOK_CNTVCT: return counter_value(c) - c->sr[SR_CNTVOFF_EL2];
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

/* The HCR_EL2 bit behind each trap rule (for an access from EL0/EL1). */
static bool trapped(const a64_cpu *c, const sysreg_info *r, bool is_read)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    switch (r->trap) {
    case TRAP_VM: return (hcr & (is_read ? HCR_EL2_TRVM : HCR_EL2_TVM)) != 0;
    case TRAP_TID1: return (hcr & HCR_EL2_TID1) != 0;
    case TRAP_TID2: return (hcr & HCR_EL2_TID2) != 0;
    case TRAP_TID3: return (hcr & HCR_EL2_TID3) != 0;
    case TRAP_TACR: return (hcr & HCR_EL2_TACR) != 0;
    case TRAP_TERR: return (hcr & HCR_EL2_TERR) != 0;
    case TRAP_APK: return (hcr & HCR_EL2_APK) == 0;
    case TRAP_TLOR: return (hcr & HCR_EL2_TLOR) != 0;
    default: return false;
    }
}

/* Register-specific rules the columns cannot say. */
static bool extra_undef(const a64_cpu *c, int id, bool is_read)
{
    switch (id) {
    case SR_SP_EL0: return c->ps.sp == 0; // SP_EL0 is not accessible while in use
    case SR_TPIDRRO_EL0: return !is_read && c->ps.el == A64_EL0;
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
    if (c->ps.el < A64_EL2 && (c->feat & FEAT_BIT(FEAT_EL2)) && trapped(c, r, is_read))
        return SR_TRAP_EL2;
    return SR_OK;
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
    if (res == SR_OK)
        hook_write(c, id, val & sysreg_table[id].wmask);
    return res;
}
