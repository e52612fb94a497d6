/* isa/exec_atomic.c: the LSE atomics (FEAT_LSE): LDADD, LDCLR, LDEOR,
 * LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP (and the ST* aliases), CAS, CASP. */
#include "ldst.h"

/* An atomic access reads first: an alignment fault or an external abort on
 * it reports WnR = 0 (the Arm ARM: for an instruction that both reads and
 * writes, WnR is 0 when a read of the location would have faulted). */
static bool atomic_addr(a64_cpu *c, const a64_dec *d, unsigned bytes, uint64_t *va)
{
    return ls_have(c, FEAT_LSE) && ls_base(c, a64_fld(d, 'n'), va) &&
           ls_aligned(c, *va, bytes, false);
}

/* The new memory value of an LD<op>/SWP from the old one and Rs, both
 * zero-extended from `bits`. Signed order is unsigned order of the
 * sign-extended values with bit 63 flipped. */
static uint64_t atomic_op(unsigned op, uint64_t old, uint64_t val, unsigned bits)
{
    const uint64_t top = UINT64_C(1) << 63;
    uint64_t so = ls_sext(old, bits) ^ top, sv = ls_sext(val, bits) ^ top;
    switch (op) {
    case AT_ADD: return old + val;
    case AT_CLR: return old & ~val;
    case AT_EOR: return old ^ val;
    case AT_SET: return old | val;
    case AT_SMAX: return so >= sv ? old : val;
    case AT_SMIN: return so <= sv ? old : val;
    case AT_UMAX: return old >= val ? old : val;
    case AT_UMIN: return old <= val ? old : val;
    default: return val; // AT_SWP
    }
}

/* LD<op>/SWP: Rt receives the old value, zero-extended (Rt = 31 discards
 * it: the ST<op> aliases). */
void exec_ldop(a64_cpu *c, const a64_dec *d)
{
    int arg = a64_arg(d);
    unsigned bytes = ls_size(arg);
    uint64_t va, old;
    if (!atomic_addr(c, d, bytes, &va) || !ls_read(c, va, bytes, &old))
        return;
    uint64_t val = a64_x(c, a64_fld(d, 's')) & ls_mask(bytes);
    uint64_t res = atomic_op((unsigned)arg >> AT_SHIFT, old, val, 8 * bytes);
    if (!ls_write(c, va, bytes, res))
        return;
    a64_set_x(c, a64_fld(d, 't'), old);
}

/* CAS: memory gets Rt when it equals Rs; Rs gets the old value either way.
 * A failed comparison writes nothing. */
void exec_cas(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d)), s = a64_fld(d, 's');
    uint64_t va, old;
    if (!atomic_addr(c, d, bytes, &va) || !ls_read(c, va, bytes, &old))
        return;
    uint64_t cmp = a64_x(c, s) & ls_mask(bytes);
    if (old == cmp && !ls_write(c, va, bytes, a64_x(c, a64_fld(d, 't'))))
        return;
    a64_set_x(c, s, old);
}

/* CASP: even register pairs (the rows' s and t fields hold Rs/2 and Rt/2,
 * so an odd register matches no row and is UNDEFINED). The first register
 * of each pair is at the lower address; the access is aligned to the
 * whole pair. */
void exec_casp(a64_cpu *c, const a64_dec *d)
{
    unsigned bytes = ls_size(a64_arg(d));
    unsigned s = 2 * a64_fld(d, 's'), t = 2 * a64_fld(d, 't');
    uint64_t va, buf[2] = { 0, 0 };
    if (!atomic_addr(c, d, 2 * bytes, &va) || !a64_mem_read(c, va, 2 * bytes, buf))
        return;
    uint64_t mask = ls_mask(bytes), lo = buf[0], hi = buf[1];
    if (bytes == 4) {
        lo = (uint32_t)buf[0];
        hi = buf[0] >> 32;
    }
    if (lo == (a64_x(c, s) & mask) && hi == (a64_x(c, s + 1) & mask)) {
        uint64_t nlo = a64_x(c, t), nhi = a64_x(c, t + 1);
        uint64_t out[2] = { nlo, nhi };
        if (bytes == 4)
            out[0] = (uint32_t)nlo | nhi << 32;
        if (!a64_mem_write(c, va, 2 * bytes, out))
            return;
    }
    a64_set_x(c, s, lo);
    a64_set_x(c, s + 1, hi);
}
