/* isa/exec_muldiv.c: multiplies (MADD/MSUB, the widening SMADDL/SMSUBL/
 * UMADDL/UMSUBL, SMULH/UMULH) and UDIV/SDIV, without host overflow or traps. */
#include "alu.h"
#include "decode.h"

/* MADD/MSUB: Ra +/- Rn * Rm modulo 2^datasize (unsigned arithmetic is
 * the architecture's modular result for both signednesses). */
void exec_madd(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    uint64_t prod = a64_x(c, a64_fld(d, 'n')) * a64_x(c, a64_fld(d, 'm'));
    uint64_t a = a64_x(c, a64_fld(d, 'a'));
    uint64_t r = (a64_arg(d) & MUL_SUB) ? a - prod : a + prod;
    a64_set_x(c, a64_fld(d, 'd'), r & alu_mask(is64));
}

/* SMADDL/SMSUBL/UMADDL/UMSUBL: Xa +/- Wn * Wm, the 32-bit operands sign- or
 * zero-extended; the 64-bit product of two 32-bit values cannot overflow. */
void exec_maddl(a64_cpu *c, const a64_dec *d)
{
    int op = a64_arg(d);
    uint32_t n = a64_w(c, a64_fld(d, 'n')), m = a64_w(c, a64_fld(d, 'm'));
    uint64_t prod;
    if (op & MUL_SIGNED)
        prod = (uint64_t)((int64_t)(int32_t)n * (int64_t)(int32_t)m);
    else
        prod = (uint64_t)n * m;
    uint64_t a = a64_x(c, a64_fld(d, 'a'));
    a64_set_x(c, a64_fld(d, 'd'), (op & MUL_SUB) ? a - prod : a + prod);
}

/* The high 64 bits of the unsigned 128-bit product, from 32-bit halves. */
static inline uint64_t umulh64(uint64_t a, uint64_t b)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    // the middle column: carries out of bit 63 of the full product
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* SMULH/UMULH: bits <127:64> of the 128-bit product. The signed high half
 * is the unsigned one less b for a negative a and a for a negative b
 * (two's complement: a_signed = a - 2^64 * a<63>). */
void exec_mulh(a64_cpu *c, const a64_dec *d)
{
    uint64_t a = a64_x(c, a64_fld(d, 'n')), b = a64_x(c, a64_fld(d, 'm'));
    uint64_t hi = umulh64(a, b);
    if (a64_arg(d) == DP_SIGNED) {
        if (a >> 63)
            hi -= b;
        if (b >> 63)
            hi -= a;
    }
    a64_set_x(c, a64_fld(d, 'd'), hi);
}

/* UDIV/SDIV: rounding towards zero; a zero divisor gives 0 and the one
 * overflowing quotient, INT_MIN / -1, wraps to INT_MIN (no trap in A64). */
void exec_div(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    uint64_t m = alu_mask(is64);
    uint64_t n = a64_x(c, a64_fld(d, 'n')) & m, v = a64_x(c, a64_fld(d, 'm')) & m;
    uint64_t r;
    if (v == 0) {
        r = 0;
    } else if (a64_arg(d) == DP_UNSIGNED) {
        r = n / v;
    } else if (v == m) {
        r = (0 - n) & m; // division by -1 is negation, modulo 2^datasize
    } else if (is64) {
        r = (uint64_t)((int64_t)n / (int64_t)v);
    } else {
        r = (uint32_t)((int32_t)(uint32_t)n / (int32_t)(uint32_t)v);
    }
    a64_set_x(c, a64_fld(d, 'd'), r);
}
