/* isa/exec_dpimm.c: data processing (immediate): ADR/ADRP, ADD/SUB and
 * logical immediates, move wide, bitfield moves (SBFM/BFM/UBFM) and EXTR. */
#include "alu.h"
#include "bitmask.h"
#include "decode.h"
#include "exception.h"
#include "pstate.h"

/* ADR: PC + imm21; ADRP: the PC's 4KB page + imm21 pages. Rd 31 is XZR. */
void exec_adr(a64_cpu *c, const a64_dec *d)
{
    // immhi:immlo, sign-extended; multiplying keeps clear of shifting a negative
    int64_t imm = a64_sfld(d, 'i') * 4 + a64_fld(d, 'j');
    uint64_t base = c->pc;
    if (a64_arg(d) == DP_ADRP) {
        base &= ~UINT64_C(0xfff);
        imm *= 4096;
    }
    a64_set_x(c, a64_fld(d, 'd'), base + (uint64_t)imm);
}

/* ADD/ADDS/SUB/SUBS (immediate): Rn 31 is SP; Rd 31 is SP for ADD/SUB and
 * XZR for the flag-setting forms. */
void exec_addsub_imm(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    int op = a64_arg(d);
    uint64_t imm = (uint64_t)a64_fld(d, 'i') << (a64_fld(d, 'h') ? 12 : 0);
    uint64_t x = a64_xsp(c, a64_fld(d, 'n'));
    uint32_t nzcv;
    uint64_t r = (op & ADDSUB_SUB) ? a64_add_with_carry(x, ~imm, 1, is64, &nzcv)
                                   : a64_add_with_carry(x, imm, 0, is64, &nzcv);
    unsigned rd = a64_fld(d, 'd');
    if (op & ADDSUB_S) {
        c->ps.nzcv = nzcv;
        a64_set_x(c, rd, r);
    } else {
        a64_set_xsp(c, rd, r);
    }
}

/* AND/ORR/EOR/ANDS (immediate). Rn 31 is XZR; Rd 31 is SP except for ANDS. */
void exec_logic_imm(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    uint64_t imm, tmask;
    // N == 1 with sf == 0 is reserved, as are the masks DecodeBitMasks rejects
    if (!a64_decode_bit_masks(a64_fld(d, 'q'), a64_fld(d, 's'), a64_fld(d, 'r'), true,
                              alu_width(is64), &imm, &tmask)) {
        a64_undefined(c);
        return;
    }
    uint64_t x = a64_x(c, a64_fld(d, 'n')) & alu_mask(is64);
    unsigned rd = a64_fld(d, 'd');
    switch (a64_arg(d)) {
    case DP_AND:
        a64_set_xsp(c, rd, x & imm);
        break;
    case DP_ORR:
        a64_set_xsp(c, rd, x | imm);
        break;
    case DP_EOR:
        a64_set_xsp(c, rd, x ^ imm);
        break;
    default: { // DP_ANDS
        uint64_t r = x & imm;
        c->ps.nzcv = a64_logic_flags(r, is64);
        a64_set_x(c, rd, r);
        break;
    }
    }
}

/* MOVN/MOVZ/MOVK: a 16-bit immediate at hw * 16. */
void exec_movw(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned hw = a64_fld(d, 'h');
    if (!is64 && hw > 1) { // sf == 0 with hw<1> == 1 is reserved
        a64_undefined(c);
        return;
    }
    unsigned pos = hw * 16;
    uint64_t imm = (uint64_t)a64_fld(d, 'i') << pos;
    unsigned rd = a64_fld(d, 'd');
    uint64_t r;
    switch (a64_arg(d)) {
    case DP_MOVN:
        r = ~imm;
        break;
    case DP_MOVZ:
        r = imm;
        break;
    default: // DP_MOVK keeps the other bits of Rd
        r = (a64_x(c, rd) & ~(UINT64_C(0xffff) << pos)) | imm;
        break;
    }
    a64_set_x(c, rd, r & alu_mask(is64));
}

/* SBFM/BFM/UBFM, the Arm ARM's bitfield move: the rotated source under
 * wmask, and above the field sign bits (SBFM), zeros (UBFM) or the old
 * Rd (BFM) outside tmask. */
void exec_bitfield(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned n = a64_fld(d, 'q'), immr = a64_fld(d, 'r'), imms = a64_fld(d, 's');
    uint64_t wmask, tmask;
    // N must equal sf, and a 32-bit form cannot name bit positions >= 32
    if (n != (unsigned)is64 || (!is64 && ((immr | imms) & 0x20)) ||
        !a64_decode_bit_masks(n, imms, immr, false, alu_width(is64), &wmask, &tmask)) {
        a64_undefined(c);
        return;
    }
    uint64_t m = alu_mask(is64);
    unsigned rd = a64_fld(d, 'd');
    int op = a64_arg(d);
    uint64_t src = a64_x(c, a64_fld(d, 'n')) & m;
    uint64_t dst = op == DP_BFM ? a64_x(c, rd) & m : 0;
    uint64_t bot = (dst & ~wmask) | (alu_shift(src, DP_ROR, immr, is64) & wmask);
    uint64_t top = dst;
    if (op == DP_SBFM)
        top = ((src >> imms) & 1) ? m : 0; // Replicate(src<S>)
    a64_set_x(c, rd, ((top & ~tmask) | (bot & tmask)) & m);
}

/* EXTR: the datasize bits of Rn:Rm starting at bit lsb. */
void exec_extr(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned lsb = a64_fld(d, 's');
    // N must equal sf; a 32-bit form's lsb must be below 32
    if (a64_fld(d, 'q') != (unsigned)is64 || (!is64 && lsb >= 32)) {
        a64_undefined(c);
        return;
    }
    uint64_t m = alu_mask(is64);
    uint64_t lo = a64_x(c, a64_fld(d, 'm')) & m;
    uint64_t hi = a64_x(c, a64_fld(d, 'n')) & m;
    uint64_t r = lsb ? ((lo >> lsb) | (hi << (alu_width(is64) - lsb))) & m : lo;
    a64_set_x(c, a64_fld(d, 'd'), r);
}
