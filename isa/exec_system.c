/* isa/exec_system.c: hints, barriers, MSR (immediate), MRS/MSR (register)
 * and SYS/SYSL through the system-register and system-operation tables. */
#include <string.h>

#include "async.h"
#include "decode.h"
#include "exception.h"
#include "regs.h"
#include "sysreg.h"

#define SCTLR_EL1_UMA BIT64(9)
#define SCTLR_EL1_DZE BIT64(14)
#define SCTLR_EL1_UCI BIT64(26)
#define SCTLR_EL1_NTWI BIT64(16)
#define SCTLR_EL1_NTWE BIT64(18)
#define DCZID_BS_MASK 0xfu
#define PAR_EL1_PA_MASK UINT64_C(0x0000fffffffff000)

void exec_nop(a64_cpu *c, const a64_dec *d)
{
    (void)c;
    (void)d;
}

void exec_esb(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    a64_esb(c);
}

/* Raise the trap of MSR/MRS/SYS to `el` for the current instruction. */
static void trap_sys(a64_cpu *c, unsigned el, const a64_dec *d, bool is_read)
{
    uint32_t w = d->word;
    unsigned op0 = (w >> 19) & 3, op1 = (w >> 16) & 7, crn = (w >> 12) & 0xf;
    unsigned crm = (w >> 8) & 0xf, op2 = (w >> 5) & 7, rt = w & 0x1f;
    a64_raise(c, el, syn_sysreg(op0, op1, crn, crm, op2, rt, is_read), c->pc);
}

void exec_wfx(a64_cpu *c, const a64_dec *d)
{
    bool is_wfe = a64_arg(d);
    uint64_t sctlr1 = c->sr[SR_SCTLR_EL1], hcr = c->sr[SR_HCR_EL2];
    // WFx traps only when it would wait: WFE with the event register set
    // and WFI with an interrupt pending complete at once, untrapped
    if (is_wfe && c->event_reg) {
        c->event_reg = false;
        return;
    }
    if (!is_wfe && a64_async_any(c))
        return;
    // EL0 traps to EL1 unless SCTLR_EL1.nTWx allows it; then EL2 traps
    if (c->ps.el == A64_EL0 && !(sctlr1 & (is_wfe ? SCTLR_EL1_NTWE : SCTLR_EL1_NTWI))) {
        a64_raise(c, a64_sync_target_el(c), syn_wfx(is_wfe), c->pc);
        return;
    }
    if (c->ps.el < A64_EL2 && (hcr & (is_wfe ? HCR_EL2_TWE : HCR_EL2_TWI))) {
        a64_raise(c, A64_EL2, syn_wfx(is_wfe), c->pc);
        return;
    }
    if (c->env.wait)
        c->env.wait(c->env.ctx, c, is_wfe);
}

void exec_sev(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    c->event_reg = true; // single PE: SEV and SEVL both set our own event register
}

void exec_clrex(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    c->excl_valid = false;
}

/* DSB/DMB order memory a single in-order PE already sees in order (the
 * timing model charges them); ISB (arg 1) is a context synchronization
 * event, where held-back interrupt recognition ends. */
void exec_barrier(a64_cpu *c, const a64_dec *d)
{
    if (a64_arg(d))
        a64_context_sync(c);
}

void exec_sb(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    if (!(c->feat & FEAT_BIT(FEAT_SB)))
        a64_undefined(c);
}

void exec_msr_imm(a64_cpu *c, const a64_dec *d)
{
    unsigned imm = a64_fld(d, 'm');
    unsigned el = c->ps.el;
    switch (a64_arg(d)) {
    case PSF_DAIFSET:
    case PSF_DAIFCLR:
        // EL0 access needs SCTLR_EL1.UMA, else it traps to EL1 as EC 0x18
        if (el == A64_EL0 && !(c->sr[SR_SCTLR_EL1] & SCTLR_EL1_UMA)) {
            trap_sys(c, a64_sync_target_el(c), d, false);
            return;
        }
        // imm bit 3 D, 2 A, 1 I, 0 F map to PSTATE bits 9..6
        if (a64_arg(d) == PSF_DAIFSET) {
            c->ps.daif |= imm << 6;
        } else {
            a64_daif_unmasked(c, c->ps.daif & (imm << 6));
            c->ps.daif &= ~(imm << 6);
        }
        return;
    case PSF_SPSEL:
        if (el == A64_EL0)
            break;
        c->ps.sp = imm & 1;
        return;
    case PSF_PAN:
        if (el == A64_EL0 || !(c->feat & FEAT_BIT(FEAT_PAN)))
            break;
        c->ps.pan = imm & 1;
        return;
    case PSF_UAO:
        if (el == A64_EL0 || !(c->feat & FEAT_BIT(FEAT_UAO)))
            break;
        c->ps.uao = imm & 1;
        return;
    case PSF_SSBS:
        if (!(c->feat & FEAT_BIT(FEAT_SSBS)))
            break;
        c->ps.ssbs = imm & 1;
        return;
    case PSF_DIT:
        if (!(c->feat & FEAT_BIT(FEAT_DIT)))
            break;
        c->ps.dit = imm & 1;
        return;
    }
    a64_undefined(c);
}

/* The encoding of an MRS/MSR (register) word: bits [19:5] with op0[1] = 1. */
static uint32_t sysreg_enc(const a64_dec *d) { return (1u << 15) | a64_fld(d, 'r'); }

static void sysreg_fault(a64_cpu *c, const a64_dec *d, enum sr_result r, bool is_read)
{
    if (r == SR_TRAP_EL2)
        trap_sys(c, A64_EL2, d, is_read);
    else if (r == SR_TRAP_EL1) // an EL0 access disabled at EL1 (EL2 with TGE)
        trap_sys(c, a64_sync_target_el(c), d, is_read);
    else
        a64_undefined(c);
}

void exec_mrs(a64_cpu *c, const a64_dec *d)
{
    uint64_t v;
    enum sr_result r = sysreg_read_enc(c, sysreg_enc(d), &v);
    if (r != SR_OK) {
        sysreg_fault(c, d, r, true);
        return;
    }
    a64_set_x(c, a64_fld(d, 't'), v);
}

void exec_msr_reg(a64_cpu *c, const a64_dec *d)
{
    enum sr_result r = sysreg_write_enc(c, sysreg_enc(d), a64_x(c, a64_fld(d, 't')));
    if (r != SR_OK)
        sysreg_fault(c, d, r, false);
}

/* ---- SYS / SYSL ---- */

enum sysop_kind { SYSOP_NOP, SYSOP_DC_ZVA, SYSOP_AT };

typedef struct sysop {
    const char *name;
    uint16_t key; /* op1:CRn:CRm:op2 */
    uint8_t min_el;
    uint8_t kind;
    uint64_t hcr_trap; /* HCR_EL2 bit trapping it from EL0/EL1, or 0 */
} sysop;

#define SYSOP_KEY(op1, crn, crm, op2) (((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))
static const sysop sysops[] = {
#define SYSOP(name, op1, crn, crm, op2, el, kind, trap) { #name, SYSOP_KEY(op1, crn, crm, op2), el, kind, trap },
#include "sysops.def"
#undef SYSOP
};

static const sysop *find_sysop(unsigned key)
{
    for (size_t i = 0; i < sizeof sysops / sizeof sysops[0]; i++)
        if (sysops[i].key == key)
            return &sysops[i];
    return NULL;
}

static void dc_zva(a64_cpu *c, uint64_t va)
{
    unsigned block = 4u << (c->sr[SR_DCZID_EL0] & DCZID_BS_MASK);
    static const uint8_t zeros[256];
    uint64_t base = va & ~(uint64_t)(block - 1);
    for (unsigned off = 0; off < block; off += sizeof zeros) {
        unsigned n = block - off < sizeof zeros ? block - off : (unsigned)sizeof zeros;
        if (!a64_mem_write(c, base + off, n, zeros))
            return;
    }
}

void exec_sys(a64_cpu *c, const a64_dec *d)
{
    unsigned key = SYSOP_KEY(a64_fld(d, 'o'), a64_fld(d, 'n'), a64_fld(d, 'm'), a64_fld(d, 'p'));
    const sysop *op = a64_arg(d) ? NULL : find_sysop(key); // no SYSL operation is modelled
    if (!op || c->ps.el < op->min_el) {
        a64_undefined(c);
        return;
    }
    uint64_t xt = a64_x(c, a64_fld(d, 't'));
    uint64_t sctlr1 = c->sr[SR_SCTLR_EL1];
    if (c->ps.el == A64_EL0) {
        // EL0 cache operations are enabled by SCTLR_EL1.DZE / UCI
        uint64_t enable = op->kind == SYSOP_DC_ZVA ? SCTLR_EL1_DZE : SCTLR_EL1_UCI;
        if (!(sctlr1 & enable)) {
            trap_sys(c, a64_sync_target_el(c), d, false);
            return;
        }
    }
    // HCR_EL2.TPU/TPCP/TSW/TTLB/TDZ trap these from EL0/EL1 (not under TGE)
    uint64_t hcr = c->sr[SR_HCR_EL2];
    if (c->ps.el < A64_EL2 && (c->feat & FEAT_BIT(FEAT_EL2)) && (hcr & op->hcr_trap) &&
        !(hcr & HCR_EL2_TGE)) {
        trap_sys(c, A64_EL2, d, false);
        return;
    }
    switch (op->kind) {
    case SYSOP_DC_ZVA:
        dc_zva(c, xt);
        break;
    case SYSOP_AT:
        // no stage-1 or stage-2 translation is modelled: VA == PA, F = 0
        c->sr[SR_PAR_EL1] = xt & PAR_EL1_PA_MASK;
        break;
    default:
        break;
    }
}
