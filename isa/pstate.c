/* isa/pstate.c: PSTATE <-> SPSR packing, condition evaluation and the
 * AddWithCarry flag computation. */
#include "pstate.h"

uint32_t a64_pstate_to_spsr(const a64_pstate *ps)
{
    uint32_t s = ps->nzcv | ps->daif;
    s |= ((uint32_t)ps->el << SPSR_M_EL_SHIFT) | (ps->sp ? SPSR_M_SP : 0);
    s |= (uint32_t)ps->btype << SPSR_BTYPE_SHIFT;
    s |= ps->ssbs ? SPSR_SSBS : 0;
    s |= ps->il ? SPSR_IL : 0;
    s |= ps->ss ? SPSR_SS : 0;
    s |= ps->pan ? SPSR_PAN : 0;
    s |= ps->uao ? SPSR_UAO : 0;
    s |= ps->dit ? SPSR_DIT : 0;
    s |= ps->tco ? SPSR_TCO : 0;
    return s;
}

void a64_spsr_to_pstate(uint32_t spsr, a64_pstate *ps)
{
    ps->nzcv = spsr & PSTATE_NZCV_MASK;
    ps->daif = spsr & PSTATE_DAIF_MASK;
    ps->el = (spsr >> SPSR_M_EL_SHIFT) & 3;
    ps->sp = spsr & SPSR_M_SP;
    ps->btype = (spsr >> SPSR_BTYPE_SHIFT) & 3;
    ps->ssbs = !!(spsr & SPSR_SSBS);
    ps->il = !!(spsr & SPSR_IL);
    ps->ss = !!(spsr & SPSR_SS);
    ps->pan = !!(spsr & SPSR_PAN);
    ps->uao = !!(spsr & SPSR_UAO);
    ps->dit = !!(spsr & SPSR_DIT);
    ps->tco = !!(spsr & SPSR_TCO);
}

bool a64_cond_holds(uint32_t nzcv, unsigned cond)
{
    bool n = nzcv & PSTATE_N, z = nzcv & PSTATE_Z, c = nzcv & PSTATE_C, v = nzcv & PSTATE_V;
    bool r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: return true; // AL and NV both mean always
    }
    // odd conditions are the negations, except 1111 (NV) which is "always"
    return (cond & 1) ? !r : r;
}

uint64_t a64_add_with_carry(uint64_t x, uint64_t y, unsigned carry_in, bool is64, uint32_t *nzcv)
{
    uint64_t res;
    uint32_t f = 0;
    if (is64) {
        res = x + y + carry_in;
        bool c = (res < x) || (carry_in && res == x);
        bool v = ((~(x ^ y) & (x ^ res)) >> 63) & 1;
        f = (res >> 63 ? PSTATE_N : 0) | (res == 0 ? PSTATE_Z : 0) | (c ? PSTATE_C : 0) |
            (v ? PSTATE_V : 0);
    } else {
        uint32_t a = (uint32_t)x, b = (uint32_t)y;
        uint64_t wide = (uint64_t)a + b + carry_in;
        uint32_t r = (uint32_t)wide;
        bool v = ((~(a ^ b) & (a ^ r)) >> 31) & 1;
        f = (r >> 31 ? PSTATE_N : 0) | (r == 0 ? PSTATE_Z : 0) | ((wide >> 32) ? PSTATE_C : 0) |
            (v ? PSTATE_V : 0);
        res = r;
    }
    if (nzcv)
        *nzcv = f;
    return res;
}

uint32_t a64_logic_flags(uint64_t result, bool is64)
{
    uint64_t r = is64 ? result : (uint32_t)result;
    unsigned top = is64 ? 63 : 31;
    return ((r >> top) & 1 ? PSTATE_N : 0) | (r == 0 ? PSTATE_Z : 0);
}
