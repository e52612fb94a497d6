/* isa/exec_exclusive.c: load/store exclusive (single and pair) with the
 * local exclusive monitor, and the load-acquire/store-release forms. */
#include "ldst.h"

/* The local monitor marks one address and size. A store-exclusive passes
 * only when both match exactly (a stricter match than the Exclusives
 * Reservation Granule allows, which the Arm ARM permits), and clears it
 * whether it passes or not. A normal store to the marked address leaves it
 * set (IMPLEMENTATION DEFINED). Exception entry also clears it. */
static void monitor_mark(a64_cpu *c, uint64_t va, unsigned bytes)
{
    c->excl_valid = true;
    c->excl_addr = va;
    c->excl_size = bytes;
}

static bool monitor_pass(a64_cpu *c, uint64_t va, unsigned bytes)
{
    bool pass = c->excl_valid && c->excl_addr == va && c->excl_size == bytes;
    c->excl_valid = false;
    return pass;
}

/* Address of an exclusive or ordered access: [Xn|SP], which must be
 * aligned to the whole access (AccType_ATOMIC/ORDERED) or it is an
 * alignment fault. False after a fault. */
static bool excl_addr(a64_cpu *c, const a64_dec *d, unsigned bytes, bool is_write, uint64_t *va)
{
    return ls_base(c, a64_fld(d, 'n'), va) && ls_aligned(c, *va, bytes, is_write);
}

/* LDXR/LDAXR (B, H, W, X): the monitor is marked only once the load has
 * succeeded. */
void exec_ldxr(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t va, v;
    if (!excl_addr(c, d, bytes, false, &va) || !ls_read(c, va, bytes, &v))
        return;
    monitor_mark(c, va, bytes);
    a64_set_x(c, a64_fld(d, 't'), v);
}

/* STXR/STLXR: Ws = 0 when the store happened, 1 when the monitor failed
 * (then nothing is written and no data abort can arise). Rt and Rn are
 * read before Ws is written, so Rs == Rt or Rs == Rn (CONSTRAINED
 * UNPREDICTABLE) stores the original value at the original address. */
void exec_stxr(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t va, v = a64_x(c, a64_fld(d, 't'));
    if (!excl_addr(c, d, bytes, true, &va))
        return;
    bool pass = monitor_pass(c, va, bytes);
    if (pass && !ls_write(c, va, bytes, v))
        return;
    a64_set_w(c, a64_fld(d, 's'), pass ? 0 : 1);
}

/* LDXP/LDAXP: one access of both registers, aligned to its total size; the
 * monitor marks the whole pair. Rt == Rt2 (LDPOVERLAP, Constraint_UNKNOWN)
 * leaves the second value in the register. */
void exec_ldxp(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t va, buf[2] = { 0, 0 };
    if (!excl_addr(c, d, 2 * bytes, false, &va) || !a64_mem_read(c, va, 2 * bytes, buf))
        return;
    monitor_mark(c, va, 2 * bytes);
    uint64_t lo = buf[0], hi = buf[1];
    if (bytes == 4) {
        lo = (uint32_t)buf[0];
        hi = buf[0] >> 32;
    }
    a64_set_x(c, a64_fld(d, 't'), lo);
    a64_set_x(c, a64_fld(d, 'u'), hi);
}

/* STXP/STLXP: Rt at the lower address, Rt2 above it (little-endian). */
void exec_stxp(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t lo = a64_x(c, a64_fld(d, 't')), hi = a64_x(c, a64_fld(d, 'u'));
    uint64_t va, buf[2] = { lo, hi };
    if (bytes == 4)
        buf[0] = (uint32_t)lo | hi << 32;
    if (!excl_addr(c, d, 2 * bytes, true, &va))
        return;
    bool pass = monitor_pass(c, va, 2 * bytes);
    if (pass && !a64_mem_write(c, va, 2 * bytes, buf))
        return;
    a64_set_w(c, a64_fld(d, 's'), pass ? 0 : 1);
}

/* LDAR, LDAPR (RCpc: the same for a single PE) and LDLAR: an aligned load.
 * The ordering needs no work in an in-order model of one PE. */
void exec_ldar(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t va, v;
    if (!excl_addr(c, d, bytes, false, &va) || !ls_read(c, va, bytes, &v))
        return;
    a64_set_x(c, a64_fld(d, 't'), v);
}

/* STLR and STLLR: an aligned store. */
void exec_stlr(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t va, v = a64_x(c, a64_fld(d, 't'));
    if (excl_addr(c, d, bytes, true, &va))
        ls_write(c, va, bytes, v);
}

/* LDLAR/STLLR need FEAT_LOR (LORegions); without it they are UNDEFINED. */
void exec_ldlar(a64_cpu *c, const a64_dec *d)
{
    if (ls_have(c, FEAT_LOR))
        exec_ldar(c, d);
}

void exec_stllr(a64_cpu *c, const a64_dec *d)
{
    if (ls_have(c, FEAT_LOR))
        exec_stlr(c, d);
}
