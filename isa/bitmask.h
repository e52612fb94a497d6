/* isa/bitmask.h: the Arm ARM's DecodeBitMasks, which turns the N:immr:imms
 * fields of the logical-immediate and bitfield instructions into masks. */
#ifndef BITMASK_H
#define BITMASK_H

#include <stdbool.h>
#include <stdint.h>

/* DecodeBitMasks(immN, imms, immr, immediate, datasize): the rotated
 * element mask (wmask) and the unrotated top mask (tmask), each replicated
 * to `datasize` (32 or 64) and zero above it. Returns false for the
 * encodings the Arm ARM reserves (the caller makes them UNDEFINED): no
 * element size (N:NOT(imms) == 0), an element larger than datasize, or,
 * for `immediate`, an all-ones element. */
bool a64_decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                          unsigned datasize, uint64_t *wmask, uint64_t *tmask);

#endif
