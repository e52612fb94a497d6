/* isa/exec_crc.c: CRC32B/H/W/X and CRC32CB/CH/CW/CX (FEAT_CRC32): one
 * bit-reflected CRC-32 or CRC-32C step over 1, 2, 4 or 8 bytes of Rm. */
#include "decode.h"
#include "exception.h"

/* The polynomials bit-reversed (0x04C11DB7 and 0x1EDC6F41, x^32 implied):
 * the Arm ARM reverses the accumulator, the data and the result around a
 * plain polynomial division, which is the same as shifting the reflected
 * polynomial towards bit 0 on unreversed values. */
#define CRC32_POLY_REFLECTED UINT32_C(0xEDB88320)
#define CRC32C_POLY_REFLECTED UINT32_C(0x82F63B78)

/* The accumulator after `bits` bits of data, least significant first.
 * Bitwise rather than a table: at most 64 steps, nothing to initialise. */
static uint32_t crc32_update(uint32_t acc, uint64_t data, unsigned bits, uint32_t poly)
{
    for (unsigned i = 0; i < bits; i++) {
        // reflected, bit 0 holds the x^31 coefficient: the shift multiplies
        // by x, and a 1 carried out to x^32 is reduced by the polynomial
        uint32_t bit = (acc ^ (uint32_t)(data >> i)) & 1u;
        acc = (acc >> 1) ^ (poly & (0u - bit));
    }
    return acc;
}

void exec_crc32(a64_cpu *c, const a64_dec *d)
{
    // optional in Armv8.0: without the feature every row is UNDEFINED
    if (!(c->feat & FEAT_BIT(FEAT_CRC32))) {
        a64_undefined(c);
        return;
    }
    int arg = a64_arg(d);
    unsigned bits = 8u << (arg & CRC_SZ);
    uint32_t poly = (arg & CRC_C) ? CRC32C_POLY_REFLECTED : CRC32_POLY_REFLECTED;
    // Rm's bits above `bits` are ignored: the shift loop never reaches them
    uint32_t acc = crc32_update(a64_w(c, a64_fld(d, 'n')), a64_x(c, a64_fld(d, 'm')), bits, poly);
    a64_set_x(c, a64_fld(d, 'd'), acc); // 32 bits, zero-extended into Xd
}
