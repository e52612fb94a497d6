/* isa/bitmask.c: DecodeBitMasks for logical immediates and bitfield moves
 * (Arm ARM J1, aarch64/instrs/integer/bitmasks). */
#include "bitmask.h"

/* Ones(k) for 0 <= k <= 64 (a shift by 64 would be undefined in C). */
static inline uint64_t ones(unsigned k)
{
    return k >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << k) - 1;
}

/* Replicate an esize-bit element across 64 bits. */
static inline uint64_t replicate(uint64_t elem, unsigned esize)
{
    for (unsigned e = esize; e < 64; e *= 2)
        elem |= elem << e;
    return elem;
}

bool a64_decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                          unsigned datasize, uint64_t *wmask, uint64_t *tmask)
{
    // len = HighestSetBit(immN:NOT(imms)): the element is 2^len bits
    unsigned key = ((n & 1) << 6) | (~imms & 0x3f);
    if (key < 2)
        return false; // len < 1 is reserved (no bit set, or only bit 0)
    unsigned len = 31 - (unsigned)__builtin_clz(key);
    unsigned esize = 1u << len;
    if (esize > datasize)
        return false; // N == 1 with a 32-bit datasize is reserved
    unsigned levels = esize - 1;
    // a logical immediate cannot be all ones within its element
    if (immediate && (imms & levels) == levels)
        return false;
    unsigned s = imms & levels, r = immr & levels;
    unsigned diff = (s - r) & levels; // diff<len-1:0>: subtraction modulo esize
    uint64_t emask = ones(esize);
    uint64_t welem = ones(s + 1);
    uint64_t telem = ones(diff + 1);
    // ROR(welem, r) within the element; r < esize, and r == 0 needs no shift
    if (r)
        welem = ((welem >> r) | (welem << (esize - r))) & emask;
    uint64_t dmask = ones(datasize);
    *wmask = replicate(welem, esize) & dmask;
    *tmask = replicate(telem, esize) & dmask;
    return true;
}
