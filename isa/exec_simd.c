/* isa/exec_simd.c: SIMD&FP register loads and stores (B, H, S, D, Q) in
 * every addressing form, literal loads, and LDP/STP/LDNP/STNP of S, D, Q. */
#include "ldst.h"

/* Vt gets `bytes` bytes from `src`; a B/H/S/D load zeroes the rest of the
 * 128-bit register. c->v[t] holds the register little-endian. */
static void fp_put(a64_cpu *c, unsigned t, const void *src, unsigned bytes)
{
    c->v[t][0] = c->v[t][1] = 0;
    memcpy(c->v[t], src, bytes);
}

static void ld_fp(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t buf[2];
    if (!ls_check_a(c, a->va, bytes, false) || !a64_mem_read(c, a->va, bytes, buf))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
    fp_put(c, a64_fld(d, 't'), buf, bytes);
}

static void st_fp(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    const uint64_t *vt = c->v[a64_fld(d, 't')];
    if (!ls_check_a(c, a->va, bytes, true) || !a64_mem_write(c, a->va, bytes, vt))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
}

/* Pairs: one access of both registers, so a fault writes neither. Rt == Rt2
 * (LDPOVERLAP, Constraint_UNKNOWN) leaves the second value in it. */
static void ldp_fp(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint8_t buf[32];
    if (!ls_check_a(c, a->va, bytes, false) || !a64_mem_read(c, a->va, 2 * bytes, buf))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
    fp_put(c, a64_fld(d, 't'), buf, bytes);
    fp_put(c, a64_fld(d, 'u'), buf + bytes, bytes);
}

static void stp_fp(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint8_t buf[32];
    memcpy(buf, c->v[a64_fld(d, 't')], bytes);
    memcpy(buf + bytes, c->v[a64_fld(d, 'u')], bytes);
    if (!ls_check_a(c, a->va, bytes, true) || !a64_mem_write(c, a->va, 2 * bytes, buf))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
}

/* As LS_HANDLER, after the FP/SIMD enable check: CheckFPAdvSIMDEnabled64
 * comes before the SP alignment check and the access. */
#define FP_HANDLER(name, form, xfer)                        \
    void name(a64_cpu *c, const a64_dec *d)                 \
    {                                                       \
        ls_addr a;                                          \
        if (form(c, d, &a))             \
            xfer(c, d, &a);                                 \
    }

FP_HANDLER(exec_fp_ldr_uimm, ls_addr_uimm, ld_fp)
FP_HANDLER(exec_fp_ldr_pre, ls_addr_pre, ld_fp)
FP_HANDLER(exec_fp_ldr_post, ls_addr_post, ld_fp)
FP_HANDLER(exec_fp_ldur, ls_addr_simm, ld_fp)
FP_HANDLER(exec_fp_ldr_reg, ls_addr_reg, ld_fp)
FP_HANDLER(exec_fp_ldr_lit, ls_addr_lit, ld_fp)

FP_HANDLER(exec_fp_str_uimm, ls_addr_uimm, st_fp)
FP_HANDLER(exec_fp_str_pre, ls_addr_pre, st_fp)
FP_HANDLER(exec_fp_str_post, ls_addr_post, st_fp)
FP_HANDLER(exec_fp_stur, ls_addr_simm, st_fp)
FP_HANDLER(exec_fp_str_reg, ls_addr_reg, st_fp)

FP_HANDLER(exec_fp_ldp_off, ls_addr_pair_off, ldp_fp)
FP_HANDLER(exec_fp_ldp_pre, ls_addr_pair_pre, ldp_fp)
FP_HANDLER(exec_fp_ldp_post, ls_addr_pair_post, ldp_fp)
FP_HANDLER(exec_fp_stp_off, ls_addr_pair_off, stp_fp)
FP_HANDLER(exec_fp_stp_pre, ls_addr_pair_pre, stp_fp)
FP_HANDLER(exec_fp_stp_post, ls_addr_pair_post, stp_fp)
