/* isa/exec_simd_move.c: moves between general and SIMD&FP registers:
 * FMOV (general), UMOV/SMOV, INS (general and element), DUP (general, element). */
#include "ldst.h"

/* Element `idx` of size 1 << size bytes of Vr (the register is held
 * little-endian, element 0 in the lowest bytes). */
static uint64_t elem_get(const a64_cpu *c, unsigned r, unsigned size, unsigned idx)
{
    uint64_t v = 0;
    memcpy(&v, (const uint8_t *)c->v[r] + (idx << size), 1u << size);
    return v;
}

static void elem_set(a64_cpu *c, unsigned r, unsigned size, unsigned idx, uint64_t v)
{
    memcpy((uint8_t *)c->v[r] + (idx << size), &v, 1u << size);
}

/* Every element of a 64-bit (Q = 0, the upper half zeroed) or 128-bit
 * vector set to `v`. */
static void dup_to(a64_cpu *c, unsigned r, unsigned size, bool q, uint64_t v)
{
    uint64_t lo = 0;
    for (unsigned i = 0; i < (8u >> size); i++)
        lo |= (v & ls_mask(1u << size)) << ((8u << size) * i);
    c->v[r][0] = lo;
    c->v[r][1] = q ? lo : 0;
}

/* Q of a DUP row; the D rows fix Q = 1 (a 1D arrangement is reserved). */
static bool dup_q(const a64_dec *d)
{
    return (a64_arg(d) & LS_SIZE_MASK) == LS_X || a64_fld(d, 'q');
}

/* FMOV Wd, Sn / Xd, Dn / Xd, Vn.D[1]. */
void exec_fmov_to_gpr(a64_cpu *c, const a64_dec *d)
{
    const uint64_t *vn = c->v[a64_fld(d, 'n')];
    int part = a64_arg(d);
    uint64_t v = part == FMOV_D1 ? vn[1] : part == FMOV_S ? (uint32_t)vn[0] : vn[0];
    a64_set_x(c, a64_fld(d, 'd'), v);
}

/* FMOV Sd, Wn / Dd, Xn zero the rest of Vd; FMOV Vd.D[1], Xn keeps D[0]. */
void exec_fmov_to_fp(a64_cpu *c, const a64_dec *d)
{
    uint64_t x = a64_x(c, a64_fld(d, 'n'));
    uint64_t *vd = c->v[a64_fld(d, 'd')];
    switch (a64_arg(d)) {
    case FMOV_S: vd[0] = (uint32_t)x; vd[1] = 0; break;
    case FMOV_D: vd[0] = x; vd[1] = 0; break;
    default: vd[1] = x; break; // FMOV_D1
    }
}

/* UMOV (zero-extends) and SMOV (the arg's LS_SX32/LS_SX64). */
void exec_umov(a64_cpu *c, const a64_dec *d)
{
    int arg = a64_arg(d);
    uint64_t v = elem_get(c, a64_fld(d, 'n'), arg & LS_SIZE_MASK, a64_fld(d, 'i'));
    a64_set_x(c, a64_fld(d, 'd'), ls_extend(v, arg));
}

/* INS Vd.T[i], Rn: the other elements are kept. */
void exec_ins_gen(a64_cpu *c, const a64_dec *d)
{
    elem_set(c, a64_fld(d, 'd'), a64_arg(d) & LS_SIZE_MASK, a64_fld(d, 'i'),
             a64_x(c, a64_fld(d, 'n')));
}

/* INS Vd.T[i], Vn.T[j] (Vd == Vn is fine: the element is read first). */
void exec_ins_elem(a64_cpu *c, const a64_dec *d)
{
    unsigned size = a64_arg(d) & LS_SIZE_MASK;
    uint64_t v = elem_get(c, a64_fld(d, 'n'), size, a64_fld(d, 'j'));
    elem_set(c, a64_fld(d, 'd'), size, a64_fld(d, 'i'), v);
}

/* DUP Vd.T, Rn. */
void exec_dup_gen(a64_cpu *c, const a64_dec *d)
{
    dup_to(c, a64_fld(d, 'd'), a64_arg(d) & LS_SIZE_MASK, dup_q(d), a64_x(c, a64_fld(d, 'n')));
}

/* DUP Vd.T, Vn.Ts[i] (the element is read before Vd is written). */
void exec_dup_elem(a64_cpu *c, const a64_dec *d)
{
    unsigned size = a64_arg(d) & LS_SIZE_MASK;
    uint64_t v = elem_get(c, a64_fld(d, 'n'), size, a64_fld(d, 'i'));
    dup_to(c, a64_fld(d, 'd'), size, dup_q(d), v);
}
