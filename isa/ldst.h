/* isa/ldst.h: helpers shared by the load/store handlers (exec_ldst*.c,
 * exec_exclusive.c, exec_atomic.c, exec_simd*.c): addressing, checks, data. */
#ifndef LDST_H
#define LDST_H

#include <string.h>

#include "decode.h"
#include "exception.h"
#include "regs.h"

/* Memory data is little-endian and is moved into host integers by memcpy. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "elsim's load/store handlers assume a little-endian host"
#endif

static inline unsigned ls_size(int arg) { return 1u << (arg & LS_SIZE_MASK); }

static inline uint64_t ls_mask(unsigned bytes)
{
    return bytes >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * bytes)) - 1;
}

/* v's low `bits` bits sign-extended, without any signed arithmetic. */
static inline uint64_t ls_sext(uint64_t v, unsigned bits)
{
    uint64_t sign = UINT64_C(1) << (bits - 1);
    return ((v & ((sign << 1) - 1)) ^ sign) - sign;
}

/* A loaded value of size (arg & LS_SIZE_MASK) as its register receives it. */
static inline uint64_t ls_extend(uint64_t v, int arg)
{
    unsigned bits = 8u << (arg & LS_SIZE_MASK);
    if (arg & LS_SX64)
        return ls_sext(v, bits);
    if (arg & LS_SX32)
        return (uint32_t)ls_sext(v, bits);
    return v;
}

/* True when the current EL is in the EL2&0 translation regime
 * (ELIsInHost: FEAT_VHE with HCR_EL2.E2H, and TGE too for EL0). */
static inline bool ls_in_host(const a64_cpu *c)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    if (!(c->feat & FEAT_BIT(FEAT_VHE)) || !(hcr & HCR_EL2_E2H))
        return false;
    return c->ps.el == A64_EL2 || (c->ps.el == A64_EL0 && (hcr & HCR_EL2_TGE));
}

/* SCTLR[]: the SCTLR_ELx of the current translation regime. */
static inline uint64_t ls_sctlr(const a64_cpu *c)
{
    bool el2 = c->ps.el == A64_EL2 || (c->ps.el == A64_EL0 && ls_in_host(c));
    return c->sr[el2 ? SR_SCTLR_EL2 : SR_SCTLR_EL1];
}

/* Xn|SP as a base address. CheckSPAlignment: with SCTLR[].SA (SA0 at EL0)
 * set, a base of SP that is not 16-byte aligned is an SP alignment fault,
 * checked on SP before any offset is applied. False after the fault. */
static inline bool ls_base(a64_cpu *c, unsigned n, uint64_t *base)
{
    if (n != 31) {
        *base = c->x[n];
        return true;
    }
    uint64_t sp = a64_sp(c);
    if (sp & 15) {
        uint64_t sa = c->ps.el == A64_EL0 ? SCTLR_SA0 : SCTLR_SA;
        if (ls_sctlr(c) & sa) {
            a64_sp_alignment_fault(c);
            return false;
        }
    }
    *base = sp;
    return true;
}

/* Exclusive, acquire/release and atomic accesses must be aligned to their
 * size (no FEAT_LSE2): otherwise an alignment fault (FAR = va). */
static inline bool ls_aligned(a64_cpu *c, uint64_t va, unsigned bytes, bool is_write)
{
    if (!(va & (bytes - 1)))
        return true;
    a64_data_abort(c, va, is_write, FSC_ALIGNMENT);
    return false;
}

/* Ordinary accesses may be unaligned (memory is Normal: no MMU is
 * modelled) unless SCTLR[].A enables alignment checking. */
static inline bool ls_check_a(a64_cpu *c, uint64_t va, unsigned bytes, bool is_write)
{
    if (!(va & (bytes - 1)) || !(ls_sctlr(c) & SCTLR_A))
        return true;
    a64_data_abort(c, va, is_write, FSC_ALIGNMENT);
    return false;
}

/* Up to 8 bytes into the low bytes of *v (the rest zero). */
static inline bool ls_read(a64_cpu *c, uint64_t va, unsigned bytes, uint64_t *v)
{
    *v = 0;
    return a64_mem_read(c, va, bytes, v);
}

static inline bool ls_write(a64_cpu *c, uint64_t va, unsigned bytes, uint64_t v)
{
    return a64_mem_write(c, va, bytes, &v);
}

/* An instruction of an optional feature: UNDEFINED when the model lacks it. */
static inline bool ls_have(a64_cpu *c, enum a64_feature f)
{
    if (c->feat & FEAT_BIT(f))
        return true;
    a64_undefined(c);
    return false;
}

/* AArch64.CheckFPAdvSIMDEnabled: CPACR_EL1.FPEN at EL0/EL1 (outside the
 * EL2&0 host regime), then CPTR_EL2 at EL0-EL2 (TFP, or FPEN at the same
 * bits as CPACR_EL1's when HCR_EL2.E2H = 1). A disabled access is an
 * EC 0x07 trap, except that a CPACR_EL1 trap that HCR_EL2.TGE routes to
 * EL2 is reported as EC 0x00 (AArch64.AdvSIMDFPAccessTrap). False after
 * the trap. */
static inline bool ls_fp_enabled(a64_cpu *c)
{
    unsigned el = c->ps.el;
    uint64_t hcr = c->sr[SR_HCR_EL2];
    bool have_el2 = c->feat & FEAT_BIT(FEAT_EL2);
    if (el <= A64_EL1 && !ls_in_host(c)) {
        unsigned fpen = (c->sr[SR_CPACR_EL1] >> CPACR_EL1_FPEN_SHIFT) & 3;
        // FPEN x0: EL0 and EL1 trap; 01: EL0 traps; 11: nothing traps
        if (!(fpen & 1) || (fpen == 1 && el == A64_EL0)) {
            if (have_el2 && (hcr & HCR_EL2_TGE))
                a64_raise(c, A64_EL2, syn_uncategorized(), c->pc);
            else
                a64_raise(c, A64_EL1, syn_fp_access(), c->pc);
            return false;
        }
    }
    if (have_el2 && el <= A64_EL2) {
        uint64_t cptr = c->sr[SR_CPTR_EL2];
        bool trap;
        if ((c->feat & FEAT_BIT(FEAT_VHE)) && (hcr & HCR_EL2_E2H)) {
            unsigned fpen = (cptr >> CPACR_EL1_FPEN_SHIFT) & 3;
            trap = !(fpen & 1) || (fpen == 1 && el == A64_EL0 && (hcr & HCR_EL2_TGE));
        } else {
            trap = cptr & CPTR_EL2_TFP;
        }
        if (trap) {
            a64_raise(c, A64_EL2, syn_fp_access(), c->pc);
            return false;
        }
    }
    return true;
}

/* ---- addressing forms of the single-register and pair encodings ---- */

/* Where an access goes and what the base register becomes after it. */
typedef struct ls_addr {
    uint64_t va;
    uint64_t wb;  /* written back to Xn|SP when wback */
    bool wback;
} ls_addr;

/* [Xn|SP, #imm12 << size]: the unsigned offset form, scaled. */
static inline bool ls_addr_uimm(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    a->va = base + ((uint64_t)a64_fld(d, 'i') << (a64_arg(d) & LS_SIZE_MASK));
    a->wback = false;
    return true;
}

/* [Xn|SP, #simm9]: unscaled (LDUR) and unprivileged (LDTR) forms. */
static inline bool ls_addr_simm(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    a->va = base + (uint64_t)a64_sfld(d, 'i');
    a->wback = false;
    return true;
}

/* [Xn|SP, #simm9]! */
static inline bool ls_addr_pre(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    a->va = a->wb = base + (uint64_t)a64_sfld(d, 'i');
    a->wback = true;
    return true;
}

/* [Xn|SP], #simm9 */
static inline bool ls_addr_post(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    a->va = base;
    a->wb = base + (uint64_t)a64_sfld(d, 'i');
    a->wback = true;
    return true;
}

/* [Xn|SP, (W|X)m{, extend {#size}}]. The rows fix option<1> = 1 (the other
 * options are unallocated) and name option<2> 'x' (signed extend) and
 * option<0> 'o' (the index is an X register); 'h' is S (scale by size). */
static inline bool ls_addr_reg(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    uint64_t m = a64_x(c, a64_fld(d, 'm'));
    if (!a64_fld(d, 'o'))
        m = a64_fld(d, 'x') ? ls_sext(m, 32) : (uint32_t)m; // SXTW / UXTW
    unsigned shift = a64_fld(d, 'h') ? (unsigned)(a64_arg(d) & LS_SIZE_MASK) : 0;
    a->va = base + (m << shift);
    a->wback = false;
    return true;
}

/* PC + simm19 * 4 (load literal; no base register). */
static inline bool ls_addr_lit(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    a->va = c->pc + (uint64_t)a64_sfld(d, 'i') * 4;
    a->wback = false;
    return true;
}

/* Pairs: [Xn|SP, #simm7 << size] as offset, pre- or post-index. */
static inline bool ls_addr_pair(a64_cpu *c, const a64_dec *d, ls_addr *a, bool pre, bool post)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    uint64_t off = (uint64_t)a64_sfld(d, 'i') << (a64_arg(d) & LS_SIZE_MASK);
    a->va = post ? base : base + off;
    a->wb = base + off;
    a->wback = pre || post;
    return true;
}
static inline bool ls_addr_pair_off(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    return ls_addr_pair(c, d, a, false, false);
}
static inline bool ls_addr_pair_pre(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    return ls_addr_pair(c, d, a, true, false);
}
static inline bool ls_addr_pair_post(a64_cpu *c, const a64_dec *d, ls_addr *a)
{
    return ls_addr_pair(c, d, a, false, true);
}

/* One handler per (addressing form, transfer): the form computes the
 * address (and may fault), the transfer moves the data and writes back. */
#define LS_HANDLER(name, form, xfer)                   \
    void name(a64_cpu *c, const a64_dec *d)            \
    {                                                  \
        ls_addr a;                                     \
        if (form(c, d, &a))                            \
            xfer(c, d, &a);                            \
    }

#endif
