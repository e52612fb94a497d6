/* isa/alu.h: width-aware ALU primitives of the Arm ARM pseudocode (ShiftReg,
 * ExtendReg, ROR) shared by the data-processing handlers; free of host UB. */
#ifndef ALU_H
#define ALU_H

#include <stdbool.h>
#include <stdint.h>

#include "args_dp.h"

/* The bits of a datasize-wide value held in a uint64_t. */
static inline uint64_t alu_mask(bool is64) { return is64 ? ~UINT64_C(0) : UINT64_C(0xffffffff); }
static inline unsigned alu_width(bool is64) { return is64 ? 64 : 32; }

/* ShiftReg: `v` shifted by `type` (DP_LSL..DP_ROR) by `amount`, in the
 * datasize. The caller guarantees amount < datasize (the encodings that
 * could say otherwise are UNDEFINED or reduced modulo datasize). */
static inline uint64_t alu_shift(uint64_t v, unsigned type, unsigned amount, bool is64)
{
    uint64_t m = alu_mask(is64);
    unsigned w = alu_width(is64);
    v &= m;
    switch (type) {
    case DP_LSL:
        return (v << amount) & m;
    case DP_LSR:
        return v >> amount;
    case DP_ASR: {
        uint64_t r = v >> amount;
        // fill the vacated top bits with the sign (m >> 0 == m fills none)
        if ((v >> (w - 1)) & 1)
            r |= m & ~(m >> amount);
        return r;
    }
    default: // DP_ROR
        return amount ? ((v >> amount) | (v << (w - amount))) & m : v;
    }
}

/* ExtendReg: the low 8/16/32/64 bits of `v` (option<1:0>) zero- or
 * sign-extended (option<2>), shifted left by 0-4, in the datasize. Taking
 * the extension to 64 bits before the shift gives the Arm ARM's
 * Min(len, N - shift) truncation once the result is cut to datasize. */
static inline uint64_t alu_extend(uint64_t v, unsigned option, unsigned shift, bool is64)
{
    unsigned len = 8u << (option & 3);
    if (len < 64) {
        uint64_t lm = (UINT64_C(1) << len) - 1;
        v &= lm;
        if ((option & 4) && ((v >> (len - 1)) & 1))
            v |= ~lm; // sign extension
    }
    return (v << shift) & alu_mask(is64);
}

#endif
