/* isa/exec_bits.c: register-amount shifts (LSLV/LSRV/ASRV/RORV) and the
 * bit and byte operations RBIT, REV16/REV32/REV, CLZ and CLS. */
#include "alu.h"
#include "decode.h"

/* LSLV/LSRV/ASRV/RORV: the amount is Rm modulo datasize. */
void exec_shiftv(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned amount = (unsigned)(a64_x(c, a64_fld(d, 'm')) & (alu_width(is64) - 1));
    a64_set_x(c, a64_fld(d, 'd'),
              alu_shift(a64_x(c, a64_fld(d, 'n')), (unsigned)a64_arg(d), amount, is64));
}

/* Swap the adjacent `bits`-wide groups selected by `lo` and its complement. */
static inline uint64_t swap_groups(uint64_t v, uint64_t lo, unsigned bits)
{
    return ((v & lo) << bits) | ((v >> bits) & lo);
}

void exec_rbit(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    uint64_t v = a64_x(c, a64_fld(d, 'n')) & alu_mask(is64);
    v = swap_groups(v, UINT64_C(0x5555555555555555), 1);
    v = swap_groups(v, UINT64_C(0x3333333333333333), 2);
    v = swap_groups(v, UINT64_C(0x0f0f0f0f0f0f0f0f), 4);
    v = swap_groups(v, UINT64_C(0x00ff00ff00ff00ff), 8);
    v = swap_groups(v, UINT64_C(0x0000ffff0000ffff), 16);
    v = (v << 32) | (v >> 32);
    // a 32-bit value reversed within 64 bits lands in the top half
    a64_set_x(c, a64_fld(d, 'd'), is64 ? v : v >> 32);
}

/* REV16/REV32/REV: reverse the bytes within each 16-, 32- or 64-bit
 * container; the row says how many swap stages that takes and, for the
 * rows that fix sf, the datasize. The 32-bit REV is the 32-bit container
 * case on a 32-bit value. */
void exec_rev(a64_cpu *c, const a64_dec *d)
{
    int op = a64_arg(d);
    bool is64 = (op & REV_X) || a64_fld(d, 'f');
    int stages = op & REV_STAGES;
    uint64_t v = a64_x(c, a64_fld(d, 'n')) & alu_mask(is64);
    v = swap_groups(v, UINT64_C(0x00ff00ff00ff00ff), 8);
    if (stages >= 2)
        v = swap_groups(v, UINT64_C(0x0000ffff0000ffff), 16);
    if (stages >= 3)
        v = (v << 32) | (v >> 32);
    a64_set_x(c, a64_fld(d, 'd'), v);
}

/* Leading zeros of v within the low `w` bits (w when v is 0). */
static inline unsigned clz_width(uint64_t v, unsigned w)
{
    return v ? (unsigned)__builtin_clzll(v) - (64 - w) : w;
}

/* CLZ; CLS counts the bits below the top one that equal it, which is
 * CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>) in the Arm ARM. */
void exec_count(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned w = alu_width(is64);
    uint64_t m = alu_mask(is64);
    uint64_t v = a64_x(c, a64_fld(d, 'n')) & m;
    unsigned r;
    if (a64_arg(d) == DP_CLZ) {
        r = clz_width(v, w);
    } else {
        // bit i of y is x<i+1> EOR x<i> for i < N-1; bit N-1 is cleared, so
        // the N-1-bit count is one less than the N-bit one
        uint64_t y = (v ^ (v >> 1)) & (m >> 1);
        r = clz_width(y, w) - 1;
    }
    a64_set_x(c, a64_fld(d, 'd'), r);
}
