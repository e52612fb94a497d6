/* isa/exec_simd_struct.c: SIMD structure loads and stores: LD1-LD4/ST1-ST4
 * (multiple structures and single lanes) and LD1R-LD4R, with post-index. */
#include "ldst.h"

/* Each transfer moves its data and returns the bytes it moved (the
 * post-index immediate), or 0 after a fault. The whole transfer is one
 * memory access, so a fault leaves every register unchanged. */
typedef unsigned (*vs_xfer)(a64_cpu *c, const a64_dec *d, uint64_t va);

/* The bytes of Vr, little-endian (element e of size b at offset e * b). */
static uint8_t *vbytes(a64_cpu *c, unsigned r) { return (uint8_t *)c->v[r % 32]; }

/* The arrangement of a multiple-structure row: what the row fixes, else
 * the word's size and Q. A 1D arrangement (size:Q = 11:0) of LD2-LD4/
 * ST2-ST4 is reserved, so their rows fix Q = 1, or Q = 0 and the size, and
 * match no reserved word (UNDEFINED by decode, ahead of any FP trap). */
static unsigned multi_size(const a64_dec *d)
{
    int arg = a64_arg(d);
    return (arg & VS_SIZE_FIXED) ? VS_FIXED_SIZE(arg) : a64_fld(d, 'z');
}

static unsigned multi_q(const a64_dec *d) { return (a64_arg(d) & VS_Q128) ? 1 : a64_fld(d, 'q'); }

/* LDn/STn (multiple structures): element e of structure member s comes
 * from address + (e * selem + s) * ebytes (interleaved); LD1/ST1 of rpt
 * registers move them one after the other. A 64-bit arrangement (Q = 0)
 * loads zero into the upper halves. Registers wrap from V31 to V0. */
static unsigned vld_multi(a64_cpu *c, const a64_dec *d, uint64_t va)
{
    int arg = a64_arg(d);
    unsigned selem = arg & VS_SELEM_MASK, rpt = VS_RPT(arg), size = multi_size(d);
    unsigned ebytes = 1u << size, elements = (8u << multi_q(d)) >> size;
    unsigned total = ebytes * elements * selem * rpt, t = a64_fld(d, 't'), off = 0;
    uint8_t buf[64];
    uint64_t regs[4][2] = { { 0, 0 } };
    if (!ls_check_a(c, va, ebytes, false) || !a64_mem_read(c, va, total, buf))
        return 0;
    for (unsigned r = 0; r < rpt; r++)
        for (unsigned e = 0; e < elements; e++)
            for (unsigned s = 0; s < selem; s++, off += ebytes)
                memcpy((uint8_t *)regs[r + s] + e * ebytes, buf + off, ebytes);
    for (unsigned i = 0; i < rpt + selem - 1; i++)
        memcpy(vbytes(c, t + i), regs[i], 16);
    return total;
}

static unsigned vst_multi(a64_cpu *c, const a64_dec *d, uint64_t va)
{
    int arg = a64_arg(d);
    unsigned selem = arg & VS_SELEM_MASK, rpt = VS_RPT(arg), size = multi_size(d);
    unsigned ebytes = 1u << size, elements = (8u << multi_q(d)) >> size;
    unsigned total = ebytes * elements * selem * rpt, t = a64_fld(d, 't'), off = 0;
    uint8_t buf[64];
    for (unsigned r = 0; r < rpt; r++)
        for (unsigned e = 0; e < elements; e++)
            for (unsigned s = 0; s < selem; s++, off += ebytes)
                memcpy(buf + off, vbytes(c, t + r + s) + e * ebytes, ebytes);
    if (!ls_check_a(c, va, ebytes, true) || !a64_mem_write(c, va, total, buf))
        return 0;
    return total;
}

/* The lane of a single-structure row: Q then the j bits that the element
 * size leaves free of S:size (3 for B, 2 for H, 1 for S, none for D). */
static unsigned lane_index(const a64_dec *d, unsigned size)
{
    return a64_fld(d, 'q') << (3 - size) | a64_fld(d, 'j');
}

/* LDn (single structure): one lane of each of selem registers; the other
 * lanes (and the upper half, whatever Q is) are kept. */
static unsigned vld_lane(a64_cpu *c, const a64_dec *d, uint64_t va)
{
    int arg = a64_arg(d);
    unsigned selem = arg & VS_SELEM_MASK, size = VS_LANE_SIZE(arg), ebytes = 1u << size;
    unsigned idx = lane_index(d, size), t = a64_fld(d, 't');
    uint8_t buf[32];
    if (!ls_check_a(c, va, ebytes, false) || !a64_mem_read(c, va, selem * ebytes, buf))
        return 0;
    for (unsigned s = 0; s < selem; s++)
        memcpy(vbytes(c, t + s) + idx * ebytes, buf + s * ebytes, ebytes);
    return selem * ebytes;
}

static unsigned vst_lane(a64_cpu *c, const a64_dec *d, uint64_t va)
{
    int arg = a64_arg(d);
    unsigned selem = arg & VS_SELEM_MASK, size = VS_LANE_SIZE(arg), ebytes = 1u << size;
    unsigned idx = lane_index(d, size), t = a64_fld(d, 't');
    uint8_t buf[32];
    for (unsigned s = 0; s < selem; s++)
        memcpy(buf + s * ebytes, vbytes(c, t + s) + idx * ebytes, ebytes);
    if (!ls_check_a(c, va, ebytes, true) || !a64_mem_write(c, va, selem * ebytes, buf))
        return 0;
    return selem * ebytes;
}

/* LDnR: structure member s fills every lane of register t + s (a 64-bit
 * arrangement zeroes the upper half). */
static unsigned vld_repl(a64_cpu *c, const a64_dec *d, uint64_t va)
{
    unsigned selem = a64_arg(d) & VS_SELEM_MASK, size = a64_fld(d, 'z'), ebytes = 1u << size;
    unsigned lanes = (8u << a64_fld(d, 'q')) >> size, t = a64_fld(d, 't');
    uint8_t buf[32];
    if (!ls_check_a(c, va, ebytes, false) || !a64_mem_read(c, va, selem * ebytes, buf))
        return 0;
    for (unsigned s = 0; s < selem; s++) {
        uint8_t *v = vbytes(c, t + s);
        memset(v, 0, 16);
        for (unsigned e = 0; e < lanes; e++)
            memcpy(v + e * ebytes, buf + s * ebytes, ebytes);
    }
    return selem * ebytes;
}

/* [Xn|SP], then for post-index Xn|SP += Xm, or the bytes moved when Rm is
 * 31 (the Arm ARM's immediate-offset encoding). */
static void vs_run(a64_cpu *c, const a64_dec *d, vs_xfer xfer, bool post)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return;
    unsigned moved = xfer(c, d, base);
    if (!moved || !post)
        return;
    unsigned m = a64_fld(d, 'm');
    uint64_t off = m == 31 ? moved : a64_x(c, m);
    a64_set_xsp(c, a64_fld(d, 'n'), base + off);
}

#define VS_HANDLERS(stem, xfer)                                                         \
    void exec_##stem(a64_cpu *c, const a64_dec *d) { vs_run(c, d, xfer, false); }      \
    void exec_##stem##_post(a64_cpu *c, const a64_dec *d) { vs_run(c, d, xfer, true); }

VS_HANDLERS(vld_multi, vld_multi)
VS_HANDLERS(vst_multi, vst_multi)
VS_HANDLERS(vld_lane, vld_lane)
VS_HANDLERS(vst_lane, vst_lane)
VS_HANDLERS(vld_repl, vld_repl)
