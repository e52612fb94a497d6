/* isa/fast_ops.h: the semantics of the specialised handlers (see fast.h),
 * as inline functions the run loop's dispatch (cpu.c) and the handler
 * wrappers (fast.c) share. Operands come from the decoded instruction:
 *   r[0] Rd/Rt, r[1] Rn, r[2] Rm/Rt2 or a small constant (see each), and
 *   imm the immediate, offset, mask or packed shift each needs.
 * Three kinds, by signature (MEM split into loads and stores):
 *   ALU  void fop_X(a64_cpu *, const a64_dec *, uint64_t pc)
 *   BR   uint64_t fop_X(a64_cpu *, const a64_dec *, uint64_t pc): the next PC
 *   MEM  bool fop_X(a64_cpu *, const a64_dec *): false when the access needs
 *        the row's own handler (TLB miss, unaligned, unaligned SP base);
 *        nothing has changed then.
 * Private to isa/. */
#ifndef FAST_OPS_H
#define FAST_OPS_H

#include <string.h>

#include "alu.h"
#include "ldst.h"

/* The lists: X(name, nsrc, ndst, kind) per specialised handler, by kind
 * of handler. nsrc and ndst bound the timing fields the rows it serves
 * have (src[nsrc..2] are 31, dst[ndst..1] are none) and kind is their
 * timing kind (TK_kind): the run loop charges each with those constants,
 * and the predecode checks that a row really fits them (fast.c). */
#define FAST_ALU_OPS(X) \
    X(addi_x, 1, 1, ALU) X(addi_w, 1, 1, ALU) X(addi_xsp, 1, 1, ALU) \
    X(addi_wsp, 1, 1, ALU) X(addsi_x, 1, 1, ALU) X(subsi_x, 1, 1, ALU) \
    X(addsi_w, 1, 1, ALU) X(subsi_w, 1, 1, ALU) X(andi, 1, 1, ALU) X(orri_x, 1, 1, ALU) \
    X(orri_w, 1, 1, ALU) X(eori_x, 1, 1, ALU) X(eori_w, 1, 1, ALU) X(andsi_x, 1, 1, ALU) \
    X(andsi_w, 1, 1, ALU) X(movi, 0, 1, ALU) X(movk_x, 0, 1, ALU) X(movk_w, 0, 1, ALU) \
    X(adr, 0, 1, ALU) X(adrp, 0, 1, ALU) X(ubfx, 1, 1, ALU) X(ubfiz, 1, 1, ALU) \
    X(sbfx_x, 1, 1, ALU) X(sbfx_w, 1, 1, ALU) X(sbfiz_x, 1, 1, ALU) \
    X(sbfiz_w, 1, 1, ALU) X(extr_x, 2, 1, ALU) X(extr_w, 2, 1, ALU) X(add_x, 2, 1, ALU) \
    X(add_w, 2, 1, ALU) X(add_lsl_x, 2, 1, ALU) X(add_lsl_w, 2, 1, ALU) \
    X(adds_x, 2, 1, ALU) X(adds_w, 2, 1, ALU) X(adds_lsl_x, 2, 1, ALU) \
    X(adds_lsl_w, 2, 1, ALU) X(sub_x, 2, 1, ALU) X(sub_w, 2, 1, ALU) \
    X(sub_lsl_x, 2, 1, ALU) X(sub_lsl_w, 2, 1, ALU) X(subs_x, 2, 1, ALU) \
    X(subs_w, 2, 1, ALU) X(subs_lsl_x, 2, 1, ALU) X(subs_lsl_w, 2, 1, ALU) \
    X(and_x, 2, 1, ALU) X(and_w, 2, 1, ALU) X(and_lsl_x, 2, 1, ALU) \
    X(and_lsl_w, 2, 1, ALU) X(orr_x, 2, 1, ALU) X(orr_w, 2, 1, ALU) \
    X(orr_lsl_x, 2, 1, ALU) X(orr_lsl_w, 2, 1, ALU) X(eor_x, 2, 1, ALU) \
    X(eor_w, 2, 1, ALU) X(eor_lsl_x, 2, 1, ALU) X(eor_lsl_w, 2, 1, ALU) \
    X(ands_x, 2, 1, ALU) X(ands_w, 2, 1, ALU) X(ands_lsl_x, 2, 1, ALU) \
    X(ands_lsl_w, 2, 1, ALU) X(csel_x, 2, 1, ALU) X(csel_w, 2, 1, ALU) \
    X(csinc_x, 2, 1, ALU) X(csinc_w, 2, 1, ALU) X(csinv_x, 2, 1, ALU) \
    X(csinv_w, 2, 1, ALU) X(csneg_x, 2, 1, ALU) X(csneg_w, 2, 1, ALU) \
    X(madd_x, 3, 1, MUL) X(madd_w, 3, 1, MUL) X(msub_x, 3, 1, MUL) X(msub_w, 3, 1, MUL)
#define FAST_BR_OPS(X) \
    X(b, 0, 0, BRANCH) X(bl, 0, 1, BRANCH) X(bcond, 0, 0, BRANCH) X(cbz_x, 1, 0, BRANCH) \
    X(cbnz_x, 1, 0, BRANCH) X(cbz_w, 1, 0, BRANCH) X(cbnz_w, 1, 0, BRANCH) \
    X(tbz, 1, 0, BRANCH) X(tbnz, 1, 0, BRANCH) X(br, 1, 0, BRANCH) X(blr, 1, 1, BRANCH)
#define FAST_LD_OPS(X) \
    X(ldr8_off, 1, 1, LOAD) X(ldr8_pre, 1, 1, LOAD) X(ldr8_post, 1, 1, LOAD) \
    X(ldrs8_off, 1, 1, LOAD) X(ldrs8_pre, 1, 1, LOAD) X(ldrs8_post, 1, 1, LOAD) \
    X(ldr16_off, 1, 1, LOAD) X(ldr16_pre, 1, 1, LOAD) X(ldr16_post, 1, 1, LOAD) \
    X(ldrs16_off, 1, 1, LOAD) X(ldrs16_pre, 1, 1, LOAD) X(ldrs16_post, 1, 1, LOAD) \
    X(ldr32_off, 1, 1, LOAD) X(ldr32_pre, 1, 1, LOAD) X(ldr32_post, 1, 1, LOAD) \
    X(ldrs32_off, 1, 1, LOAD) X(ldrs32_pre, 1, 1, LOAD) X(ldrs32_post, 1, 1, LOAD) \
    X(ldr64_off, 1, 1, LOAD) X(ldr64_pre, 1, 1, LOAD) X(ldr64_post, 1, 1, LOAD) \
    X(ldrs64_off, 1, 1, LOAD) X(ldrs64_pre, 1, 1, LOAD) X(ldrs64_post, 1, 1, LOAD) \
    X(ldp32_off, 1, 2, LOAD) X(ldp32_pre, 1, 2, LOAD) X(ldp32_post, 1, 2, LOAD) \
    X(ldp64_off, 1, 2, LOAD) X(ldp64_pre, 1, 2, LOAD) X(ldp64_post, 1, 2, LOAD)
#define FAST_ST_OPS(X) \
    X(str8_off, 2, 0, STORE) X(str8_pre, 2, 0, STORE) X(str8_post, 2, 0, STORE) \
    X(str16_off, 2, 0, STORE) X(str16_pre, 2, 0, STORE) X(str16_post, 2, 0, STORE) \
    X(str32_off, 2, 0, STORE) X(str32_pre, 2, 0, STORE) X(str32_post, 2, 0, STORE) \
    X(str64_off, 2, 0, STORE) X(str64_pre, 2, 0, STORE) X(str64_post, 2, 0, STORE) \
    X(stp32_off, 3, 0, STORE) X(stp32_pre, 3, 0, STORE) X(stp32_post, 3, 0, STORE) \
    X(stp64_off, 3, 0, STORE) X(stp64_pre, 3, 0, STORE) X(stp64_post, 3, 0, STORE)
#define FAST_MEM_OPS(X) FAST_LD_OPS(X) FAST_ST_OPS(X)

/* a64_dec.xop: 0 the instruction needs an instruction boundary's full
 * checks first (not plain: see cpu.c), 1 plain with no specialised
 * handler (the run loop calls fn), then one per specialised handler. */
enum a64_xop {
    XOP_FULL,
    XOP_CALL,
#define X(name, nsrc, ndst, kind) XOP_##name,
    FAST_ALU_OPS(X) FAST_BR_OPS(X) FAST_MEM_OPS(X)
#undef X
    XOP_COUNT
};

/* Inlined into the run loop's dispatch whatever its size. */
#define FX_INLINE static inline __attribute__((always_inline))

FX_INLINE void fx_set(a64_cpu *c, unsigned n, uint64_t v)
{
    c->x[n] = v;
    c->x[31] = 0; // XZR
}

static inline uint32_t fx_nz64(uint64_t r) { return (uint32_t)(r >> 63) << 31 | (uint32_t)(r == 0) << 30; }
static inline uint32_t fx_nz32(uint32_t r) { return (r >> 31) << 31 | (uint32_t)(r == 0) << 30; }

/* AddWithCarry's flags for x + y and x - y (carry-in 1, operand inverted). */
static inline uint32_t fx_add_flags64(uint64_t x, uint64_t y, uint64_t r)
{
    return fx_nz64(r) | (uint32_t)(r < x) << 29 | (uint32_t)((~(x ^ y) & (x ^ r)) >> 63) << 28;
}
static inline uint32_t fx_sub_flags64(uint64_t x, uint64_t y, uint64_t r)
{
    return fx_nz64(r) | (uint32_t)(x >= y) << 29 | (uint32_t)(((x ^ y) & (x ^ r)) >> 63) << 28;
}
static inline uint32_t fx_add_flags32(uint32_t x, uint32_t y, uint32_t r)
{
    return fx_nz32(r) | (uint32_t)(r < x) << 29 | ((~(x ^ y) & (x ^ r)) >> 31) << 28;
}
static inline uint32_t fx_sub_flags32(uint32_t x, uint32_t y, uint32_t r)
{
    return fx_nz32(r) | (uint32_t)(x >= y) << 29 | (((x ^ y) & (x ^ r)) >> 31) << 28;
}

/* Does the condition whose NZCV set (16 bits, bit v for NZCV = v) is `set` hold? */
static inline bool fx_holds(const a64_cpu *c, uint64_t set) { return (set >> (c->ps.nzcv >> 28)) & 1; }

/* v's low bits sign-extended from the bit `sign` marks. */
static inline uint64_t fx_sext(uint64_t v, uint64_t sign)
{
    v &= (sign << 1) - 1;
    return (v ^ sign) - sign;
}

#define FX_ALU(name) FX_INLINE void fop_##name(a64_cpu *c, const a64_dec *d, uint64_t pc)
#define FX_BR(name) FX_INLINE uint64_t fop_##name(a64_cpu *c, const a64_dec *d, uint64_t pc)
#define FX_MEM(name) FX_INLINE bool fop_##name(a64_cpu *c, const a64_dec *d)
#define FX_UNUSED_PC (void)pc

/* ---- data processing, immediate ---- */

/* ADD/SUB (immediate) without flags; imm is the addend (negated for SUB);
 * the _sp forms have Rd or Rn 31 (SP). */
FX_ALU(addi_x) { FX_UNUSED_PC; c->x[d->r[0]] = c->x[d->r[1]] + d->imm; }
FX_ALU(addi_w) { FX_UNUSED_PC; c->x[d->r[0]] = (uint32_t)(c->x[d->r[1]] + d->imm); }
FX_ALU(addi_xsp) { FX_UNUSED_PC; a64_set_xsp(c, d->r[0], a64_xsp(c, d->r[1]) + d->imm); }
FX_ALU(addi_wsp) { FX_UNUSED_PC; a64_set_xsp(c, d->r[0], (uint32_t)(a64_xsp(c, d->r[1]) + d->imm)); }

/* ADDS/SUBS (immediate): Rn 31 is SP, Rd 31 is XZR. */
FX_ALU(addsi_x)
{
    FX_UNUSED_PC;
    uint64_t x = a64_xsp(c, d->r[1]), y = d->imm, r = x + y;
    c->ps.nzcv = fx_add_flags64(x, y, r);
    fx_set(c, d->r[0], r);
}
FX_ALU(subsi_x)
{
    FX_UNUSED_PC;
    uint64_t x = a64_xsp(c, d->r[1]), y = d->imm, r = x - y;
    c->ps.nzcv = fx_sub_flags64(x, y, r);
    fx_set(c, d->r[0], r);
}
FX_ALU(addsi_w)
{
    FX_UNUSED_PC;
    uint32_t x = (uint32_t)a64_xsp(c, d->r[1]), y = (uint32_t)d->imm, r = x + y;
    c->ps.nzcv = fx_add_flags32(x, y, r);
    fx_set(c, d->r[0], r);
}
FX_ALU(subsi_w)
{
    FX_UNUSED_PC;
    uint32_t x = (uint32_t)a64_xsp(c, d->r[1]), y = (uint32_t)d->imm, r = x - y;
    c->ps.nzcv = fx_sub_flags32(x, y, r);
    fx_set(c, d->r[0], r);
}

/* AND/ORR/EOR/ANDS (immediate): imm is the decoded bit mask (zero above a
 * 32-bit datasize); Rd is not 31 (SP) for the flagless forms. */
FX_ALU(andi) { FX_UNUSED_PC; c->x[d->r[0]] = c->x[d->r[1]] & d->imm; }
FX_ALU(orri_x) { FX_UNUSED_PC; c->x[d->r[0]] = c->x[d->r[1]] | d->imm; }
FX_ALU(orri_w) { FX_UNUSED_PC; c->x[d->r[0]] = (uint32_t)c->x[d->r[1]] | d->imm; }
FX_ALU(eori_x) { FX_UNUSED_PC; c->x[d->r[0]] = c->x[d->r[1]] ^ d->imm; }
FX_ALU(eori_w) { FX_UNUSED_PC; c->x[d->r[0]] = (uint32_t)c->x[d->r[1]] ^ d->imm; }
FX_ALU(andsi_x)
{
    FX_UNUSED_PC;
    uint64_t r = c->x[d->r[1]] & d->imm;
    c->ps.nzcv = fx_nz64(r);
    fx_set(c, d->r[0], r);
}
FX_ALU(andsi_w)
{
    FX_UNUSED_PC;
    uint32_t r = (uint32_t)c->x[d->r[1]] & (uint32_t)d->imm;
    c->ps.nzcv = fx_nz32(r);
    fx_set(c, d->r[0], r);
}

/* MOVZ/MOVN: imm is the value; MOVK: imm the shifted field, r[1] its position. */
FX_ALU(movi) { FX_UNUSED_PC; fx_set(c, d->r[0], d->imm); }
FX_ALU(movk_x)
{
    FX_UNUSED_PC;
    fx_set(c, d->r[0], (c->x[d->r[0]] & ~(UINT64_C(0xffff) << d->r[1])) | d->imm);
}
FX_ALU(movk_w)
{
    FX_UNUSED_PC;
    fx_set(c, d->r[0], (uint32_t)((c->x[d->r[0]] & ~(UINT64_C(0xffff) << d->r[1])) | d->imm));
}

/* ADR/ADRP: imm is the offset from the PC (ADRP: from its 4 KiB page). */
FX_ALU(adr) { fx_set(c, d->r[0], pc + d->imm); }
FX_ALU(adrp) { fx_set(c, d->r[0], (pc & ~UINT64_C(0xfff)) + d->imm); }

/* UBFM/SBFM: with imms >= immr the field Rn<imms:immr> moves to the bottom
 * (r[2] = immr); with imms < immr Rn<imms:0> moves up to bit r[2] =
 * datasize - immr. UBFM: imm is the field's mask; SBFM: imm is the field's
 * sign bit, and the rest of the result copies it. */
FX_ALU(ubfx) { FX_UNUSED_PC; fx_set(c, d->r[0], (c->x[d->r[1]] >> d->r[2]) & d->imm); }
FX_ALU(ubfiz) { FX_UNUSED_PC; fx_set(c, d->r[0], (c->x[d->r[1]] & d->imm) << d->r[2]); }
FX_ALU(sbfx_x) { FX_UNUSED_PC; fx_set(c, d->r[0], fx_sext(c->x[d->r[1]] >> d->r[2], d->imm)); }
FX_ALU(sbfx_w) { FX_UNUSED_PC; fx_set(c, d->r[0], (uint32_t)fx_sext(c->x[d->r[1]] >> d->r[2], d->imm)); }
FX_ALU(sbfiz_x) { FX_UNUSED_PC; fx_set(c, d->r[0], fx_sext(c->x[d->r[1]], d->imm) << d->r[2]); }
FX_ALU(sbfiz_w)
{
    FX_UNUSED_PC;
    fx_set(c, d->r[0], (uint32_t)(fx_sext(c->x[d->r[1]], d->imm) << d->r[2]));
}

/* EXTR: r[2] is Rm, imm is lsb. */
FX_ALU(extr_x)
{
    FX_UNUSED_PC;
    unsigned lsb = (unsigned)d->imm;
    uint64_t lo = c->x[d->r[2]], hi = c->x[d->r[1]];
    fx_set(c, d->r[0], lsb ? (lo >> lsb) | (hi << (64 - lsb)) : lo);
}
FX_ALU(extr_w)
{
    FX_UNUSED_PC;
    unsigned lsb = (unsigned)d->imm;
    uint64_t lo = (uint32_t)c->x[d->r[2]], hi = (uint32_t)c->x[d->r[1]];
    fx_set(c, d->r[0], lsb ? (uint32_t)((lo >> lsb) | (hi << (32 - lsb))) : lo);
}

/* ---- data processing, register ---- */

/* Shifted-register operand 2 (r[2] is Rm): imm = amount | type << 8 |
 * invert << 16; the _lsl forms have type LSL. */
FX_INLINE uint64_t fx_op2(const a64_cpu *c, const a64_dec *d, bool is64)
{
    return alu_shift(c->x[d->r[2]], (unsigned)(d->imm >> 8) & 3, (unsigned)d->imm & 63, is64);
}
FX_INLINE uint64_t fx_op2_lsl(const a64_cpu *c, const a64_dec *d, bool is64)
{
    return (c->x[d->r[2]] << (d->imm & 63)) & alu_mask(is64);
}

#define FX_ADDSUB_SHIFT(name, is64, sub, flags, opnd)                                    \
    FX_ALU(name)                                                                         \
    {                                                                                    \
        FX_UNUSED_PC;                                                                    \
        uint64_t y = opnd(c, d, is64);                                                   \
        if (is64) {                                                                      \
            uint64_t x = c->x[d->r[1]], r = sub ? x - y : x + y;                         \
            if (flags)                                                                   \
                c->ps.nzcv = sub ? fx_sub_flags64(x, y, r) : fx_add_flags64(x, y, r);    \
            fx_set(c, d->r[0], r);                                                       \
        } else {                                                                         \
            uint32_t x = (uint32_t)c->x[d->r[1]], yw = (uint32_t)y;                      \
            uint32_t r = sub ? x - yw : x + yw;                                          \
            if (flags)                                                                   \
                c->ps.nzcv = sub ? fx_sub_flags32(x, yw, r) : fx_add_flags32(x, yw, r);  \
            fx_set(c, d->r[0], r);                                                       \
        }                                                                                \
    }
#define FX_ADDSUB_SHIFT4(op, sub, flags)                        \
    FX_ADDSUB_SHIFT(op##_x, true, sub, flags, fx_op2)           \
    FX_ADDSUB_SHIFT(op##_w, false, sub, flags, fx_op2)          \
    FX_ADDSUB_SHIFT(op##_lsl_x, true, sub, flags, fx_op2_lsl)   \
    FX_ADDSUB_SHIFT(op##_lsl_w, false, sub, flags, fx_op2_lsl)
FX_ADDSUB_SHIFT4(add, false, false)
FX_ADDSUB_SHIFT4(adds, false, true)
FX_ADDSUB_SHIFT4(sub, true, false)
FX_ADDSUB_SHIFT4(subs, true, true)

#define FX_LOGIC_SHIFT(name, is64, expr, flags, opnd)                          \
    FX_ALU(name)                                                               \
    {                                                                          \
        FX_UNUSED_PC;                                                          \
        uint64_t m = alu_mask(is64);                                           \
        uint64_t x = c->x[d->r[1]] & m;                                        \
        uint64_t y = opnd(c, d, is64) ^ (m & (0 - ((d->imm >> 16) & 1)));      \
        uint64_t r = expr;                                                     \
        if (flags)                                                             \
            c->ps.nzcv = is64 ? fx_nz64(r) : fx_nz32((uint32_t)r);             \
        fx_set(c, d->r[0], r);                                                 \
    }
#define FX_LOGIC_SHIFT4(op, expr, flags)                        \
    FX_LOGIC_SHIFT(op##_x, true, expr, flags, fx_op2)           \
    FX_LOGIC_SHIFT(op##_w, false, expr, flags, fx_op2)          \
    FX_LOGIC_SHIFT(op##_lsl_x, true, expr, flags, fx_op2_lsl)   \
    FX_LOGIC_SHIFT(op##_lsl_w, false, expr, flags, fx_op2_lsl)
FX_LOGIC_SHIFT4(and, x & y, false)
FX_LOGIC_SHIFT4(orr, x | y, false)
FX_LOGIC_SHIFT4(eor, x ^ y, false)
FX_LOGIC_SHIFT4(ands, x & y, true)

/* CSEL/CSINC/CSINV/CSNEG: r[2] is Rm, imm the condition's NZCV set. */
#define FX_CSEL(name, is64, inv, inc)                       \
    FX_ALU(name)                                            \
    {                                                       \
        FX_UNUSED_PC;                                       \
        uint64_t r;                                         \
        if (fx_holds(c, d->imm)) {                          \
            r = c->x[d->r[1]];                              \
        } else {                                            \
            r = c->x[d->r[2]];                              \
            if (inv)                                        \
                r = ~r;                                     \
            if (inc)                                        \
                r += 1;                                     \
        }                                                   \
        fx_set(c, d->r[0], r & alu_mask(is64));             \
    }
FX_CSEL(csel_x, true, false, false)
FX_CSEL(csel_w, false, false, false)
FX_CSEL(csinc_x, true, false, true)
FX_CSEL(csinc_w, false, false, true)
FX_CSEL(csinv_x, true, true, false)
FX_CSEL(csinv_w, false, true, false)
FX_CSEL(csneg_x, true, true, true)
FX_CSEL(csneg_w, false, true, true)

/* MADD/MSUB: r[2] is Rm, imm is Ra. */
#define FX_MADD(name, is64, sub)                                        \
    FX_ALU(name)                                                        \
    {                                                                   \
        FX_UNUSED_PC;                                                   \
        uint64_t p = c->x[d->r[1]] * c->x[d->r[2]], a = c->x[d->imm];   \
        fx_set(c, d->r[0], (sub ? a - p : a + p) & alu_mask(is64));     \
    }
FX_MADD(madd_x, true, false)
FX_MADD(madd_w, false, false)
FX_MADD(msub_x, true, true)
FX_MADD(msub_w, false, true)

/* ---- branches: imm is the offset from the PC ---- */
FX_BR(b) { (void)c; return pc + d->imm; }
FX_BR(bl)
{
    fx_set(c, 30, pc + 4);
    return pc + d->imm;
}
/* B.cond: r[1]:r[0] is the condition's NZCV set. */
FX_BR(bcond) { return fx_holds(c, (unsigned)d->r[0] | (unsigned)d->r[1] << 8) ? pc + d->imm : pc + 4; }
/* CBZ/CBNZ: r[0] is Rt. TBZ/TBNZ: r[0] Rt, r[1] the bit number. */
FX_BR(cbz_x) { return !c->x[d->r[0]] ? pc + d->imm : pc + 4; }
FX_BR(cbnz_x) { return c->x[d->r[0]] ? pc + d->imm : pc + 4; }
FX_BR(cbz_w) { return !(uint32_t)c->x[d->r[0]] ? pc + d->imm : pc + 4; }
FX_BR(cbnz_w) { return (uint32_t)c->x[d->r[0]] ? pc + d->imm : pc + 4; }
FX_BR(tbz) { return !((c->x[d->r[0]] >> d->r[1]) & 1) ? pc + d->imm : pc + 4; }
FX_BR(tbnz) { return ((c->x[d->r[0]] >> d->r[1]) & 1) ? pc + d->imm : pc + 4; }
/* BR/RET and BLR: r[1] is Rn. */
FX_BR(br)
{
    (void)pc;
    return c->x[d->r[1]];
}
FX_BR(blr)
{
    uint64_t target = c->x[d->r[1]]; // read before x30 is written
    fx_set(c, 30, pc + 4);
    return target;
}

/* ---- loads and stores: r[0] Rt, r[1] Rn, r[2] Rt2 (pairs) or the row's
 * arg (single loads: the extension); imm the signed offset ---- */

/* Xn|SP as a base: false (the row's own handler checks it) for an SP that
 * is not 16-byte aligned. */
FX_INLINE bool fx_base(const a64_cpu *c, unsigned n, uint64_t *b)
{
    if (n != 31) {
        *b = c->x[n];
        return true;
    }
    *b = a64_sp(c);
    return !(*b & 15);
}

/* Host bytes of an access aligned to `align` of `len` bytes within one
 * page whose translation the TLB holds; NULL for the slow path. */
FX_INLINE uint8_t *fx_tlb_host(a64_tlb_entry *tlb, uint64_t va, unsigned align, unsigned len)
{
    uint64_t off = va & (A64_PAGE_SIZE - 1);
    if ((va & (align - 1)) || off + len > A64_PAGE_SIZE)
        return NULL;
    const a64_tlb_entry *e = &tlb[(va >> A64_PAGE_SHIFT) & (A64_TLB_SIZE - 1)];
    if (e->page != (va & A64_PAGE_MASK) + 1)
        return NULL;
    return e->host + off;
}

/* Forms: 0 offset (no write-back), 1 pre-index, 2 post-index. */
#define FX_VA(form, base, d) ((form) == 2 ? (base) : (base) + (d)->imm)

#define FX_LDR(name, T, form, ext)                                                        \
    FX_MEM(name)                                                                          \
    {                                                                                     \
        uint64_t base;                                                                    \
        uint8_t *h;                                                                       \
        if (!fx_base(c, d->r[1], &base) ||                                                \
            !(h = fx_tlb_host(c->tlb_r, FX_VA(form, base, d), sizeof(T), sizeof(T))))     \
            return false;                                                                 \
        T v;                                                                              \
        memcpy(&v, h, sizeof v);                                                          \
        if (form)                                                                         \
            a64_set_xsp(c, d->r[1], base + d->imm);                                       \
        fx_set(c, d->r[0], ext ? ls_extend(v, d->r[2]) : v);                              \
        return true;                                                                      \
    }
#define FX_STR(name, T, form)                                                             \
    FX_MEM(name)                                                                          \
    {                                                                                     \
        uint64_t base;                                                                    \
        uint8_t *h;                                                                       \
        if (!fx_base(c, d->r[1], &base) ||                                                \
            !(h = fx_tlb_host(c->tlb_w, FX_VA(form, base, d), sizeof(T), sizeof(T))))     \
            return false;                                                                 \
        T v = (T)c->x[d->r[0]];                                                           \
        memcpy(h, &v, sizeof v);                                                          \
        if (form)                                                                         \
            a64_set_xsp(c, d->r[1], base + d->imm);                                       \
        return true;                                                                      \
    }
#define FX_LDST3(sz, T)                           \
    FX_LDR(ldr##sz##_off, T, 0, false)            \
    FX_LDR(ldr##sz##_pre, T, 1, false)            \
    FX_LDR(ldr##sz##_post, T, 2, false)           \
    FX_LDR(ldrs##sz##_off, T, 0, true)            \
    FX_LDR(ldrs##sz##_pre, T, 1, true)            \
    FX_LDR(ldrs##sz##_post, T, 2, true)           \
    FX_STR(str##sz##_off, T, 0)                   \
    FX_STR(str##sz##_pre, T, 1)                   \
    FX_STR(str##sz##_post, T, 2)
FX_LDST3(8, uint8_t)
FX_LDST3(16, uint16_t)
FX_LDST3(32, uint32_t)
FX_LDST3(64, uint64_t)

/* LDP/STP of W or X registers (bytes each): one access of 2 * bytes. */
#define FX_LDP(name, bytes, form)                                                         \
    FX_MEM(name)                                                                          \
    {                                                                                     \
        uint64_t base;                                                                    \
        uint8_t *h;                                                                       \
        if (!fx_base(c, d->r[1], &base) ||                                                \
            !(h = fx_tlb_host(c->tlb_r, FX_VA(form, base, d), bytes, 2 * bytes)))         \
            return false;                                                                 \
        uint64_t lo, hi;                                                                  \
        if (bytes == 8) {                                                                 \
            memcpy(&lo, h, 8);                                                            \
            memcpy(&hi, h + 8, 8);                                                        \
        } else {                                                                          \
            uint64_t b;                                                                   \
            memcpy(&b, h, 8);                                                             \
            lo = (uint32_t)b;                                                             \
            hi = b >> 32;                                                                 \
        }                                                                                 \
        if (form)                                                                         \
            a64_set_xsp(c, d->r[1], base + d->imm);                                       \
        fx_set(c, d->r[0], lo);                                                           \
        fx_set(c, d->r[2], hi);                                                           \
        return true;                                                                      \
    }
#define FX_STP(name, bytes, form)                                                         \
    FX_MEM(name)                                                                          \
    {                                                                                     \
        uint64_t base;                                                                    \
        uint8_t *h;                                                                       \
        if (!fx_base(c, d->r[1], &base) ||                                                \
            !(h = fx_tlb_host(c->tlb_w, FX_VA(form, base, d), bytes, 2 * bytes)))         \
            return false;                                                                 \
        uint64_t lo = c->x[d->r[0]], hi = c->x[d->r[2]];                                  \
        if (bytes == 8) {                                                                 \
            memcpy(h, &lo, 8);                                                            \
            memcpy(h + 8, &hi, 8);                                                        \
        } else {                                                                          \
            uint64_t b = (uint32_t)lo | hi << 32;                                         \
            memcpy(h, &b, 8);                                                             \
        }                                                                                 \
        if (form)                                                                         \
            a64_set_xsp(c, d->r[1], base + d->imm);                                       \
        return true;                                                                      \
    }
#define FX_LDSTP3(sz, bytes)                  \
    FX_LDP(ldp##sz##_off, bytes, 0)           \
    FX_LDP(ldp##sz##_pre, bytes, 1)           \
    FX_LDP(ldp##sz##_post, bytes, 2)          \
    FX_STP(stp##sz##_off, bytes, 0)           \
    FX_STP(stp##sz##_pre, bytes, 1)           \
    FX_STP(stp##sz##_post, bytes, 2)
FX_LDSTP3(32, 4)
FX_LDSTP3(64, 8)

#endif
