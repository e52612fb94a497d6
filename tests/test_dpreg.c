/* tests/test_dpreg.c: data processing (register): ADD/SUB shifted and
 * extended, logical, ADC/SBC, CCMN/CCMP, CSEL, multiplies, divides,
 * variable shifts, RBIT/REV/CLZ/CLS. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "sysreg.h"
#include "dprows.h"
#include "testcpu.h"


/* ---- the rows ---- */

static const dp_case logic_shift_cases[] = {
    { OP_AND_shift, 0x8a020020, "and x0, x1, x2", { G, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0 }, 0xf, 0, 0x0f000f000f000f00, 0xf },
    { OP_AND_shift, 0x8a02fc20, "and x0, x1, x2, lsl #63", { G, ALL1, 3 }, 0, 0, 0x8000000000000000, 0 },
    { OP_BIC_shift, 0x8a621020, "bic x0, x1, x2, lsr #4", { G, ALL1, 0xf0 }, 0, 0, 0xfffffffffffffff0, 0 },
    { OP_ORR_shift, 0xaa82fc20, "orr x0, x1, x2, asr #63", { G, 0, 0x8000000000000000 }, 0, 0, ALL1, 0 },
    // ROR within 32 bits; the upper halves of the sources are ignored
    { OP_ORR_shift, 0x2ac27c20, "orr w0, w1, w2, ror #31", { G, 0xffffffff00000000, 0xffffffff00000001 }, 0, 0, 2, 0 },
    { OP_ORN_shift, 0xaae21020, "orn x0, x1, x2, ror #4", { G, 0, 0xf }, 0, 0, 0x0fffffffffffffff, 0 },
    { OP_ORR_shift, 0xaa0203e0, "mov x0, x2", { G, 0, 0x1234 }, 0, 0, 0x1234, 0 },
    { OP_ORR_shift, 0x2a0203e0, "mov w0, w2", { G, 0, 0xffffffff12345678 }, 0, 0, 0x12345678, 0 },
    { OP_ORN_shift, 0x2a2203e0, "mvn w0, w2", { G, 0, 0 }, 0, 0, 0xffffffff, 0 },
    { OP_EOR_shift, 0xca020420, "eor x0, x1, x2, lsl #1", { G, 3, 3 }, 0, 0, 5, 0 },
    { OP_EON_shift, 0x4a220020, "eon w0, w1, w2", { G, 0, 0xffff0000 }, 0, 0, 0xffff, 0 },
    // ANDS/BICS set N and Z and clear C and V
    { OP_ANDS_shift, 0xea020020, "ands x0, x1, x2", { G, 0x8000000000000001, 0x8000000000000000 }, 0x7, 0, 0x8000000000000000, 0x8 },
    { OP_ANDS_shift, 0x6a02003f, "tst w1, w2", { G, 0xffffffff00000001, 2 }, 0xb, RD_NONE, 0, 0x4 },
    { OP_BICS_shift, 0xea220020, "bics x0, x1, x2", { G, 5, 5 }, 0x3, 0, 0, 0x4 },
    { OP_BICS_shift, 0x6aa27c20, "bics w0, w1, w2, asr #31", { G, 0x80000000, 0x40000000 }, 0, 0, 0x80000000, 0x8 },
};

static const dp_case addsub_shift_cases[] = {
    { OP_ADD_shift, 0x8b020c20, "add x0, x1, x2, lsl #3", { G, 1, 2 }, 0, 0, 17, 0 },
    { OP_ADD_shift, 0x0b427c20, "add w0, w1, w2, lsr #31", { G, 0xffffffff00000005, 0x80000000 }, 0, 0, 6, 0 },
    { OP_SUB_shift, 0xcb82fc20, "sub x0, x1, x2, asr #63", { G, 5, 0x8000000000000000 }, 0, 0, 6, 0 },
    { OP_ADDS_shift, 0xab020020, "adds x0, x1, x2", { G, 0x8000000000000000, 0x8000000000000000 }, 0, 0, 0, 0x7 },
    { OP_ADDS_shift, 0x2b020020, "adds w0, w1, w2", { G, 0x7fffffff, 1 }, 0, 0, 0x80000000, 0x9 },
    // 32-bit flags come from the low halves only
    { OP_ADDS_shift, 0x2b020020, "adds w0, w1, w2", { G, 0xaaaaaaaa00000001, 0x5555555500000001 }, 0xf, 0, 2, 0 },
    { OP_SUBS_shift, 0xeb020020, "subs x0, x1, x2", { G, 0, 1 }, 0, 0, ALL1, 0x8 },
    { OP_SUBS_shift, 0x6b020020, "subs w0, w1, w2", { G, 0x80000000, 1 }, 0, 0, 0x7fffffff, 0x3 },
    { OP_SUBS_shift, 0xeb02043f, "cmp x1, x2, lsl #1", { G, 4, 2 }, 0, RD_NONE, 0, 0x6 },
    { OP_SUB_shift, 0xcb0203e0, "neg x0, x2", { G, 0, 1 }, 0, 0, ALL1, 0 },
    // 0 - INT32_MIN overflows: N and V, and a borrow (C clear)
    { OP_SUBS_shift, 0x6b0203e0, "negs w0, w2", { G, 0, 0x80000000 }, 0, 0, 0x80000000, 0x9 },
    // register 31 is XZR for Rm, Rn and Rd of the shifted forms
    { OP_ADD_shift, 0x8b1f0020, "add x0, x1, xzr", { G, 5 }, 0, 0, 5, 0 },
    { OP_ADD_shift, 0x8b0203e0, "add x0, xzr, x2", { G, 0, 7 }, 0, 0, 7, 0 },
    { OP_ADD_shift, 0x8b02003f, "add xzr, x1, x2", { G, 1, 2 }, 0, RD_NONE, 0, 0 },
};

static const dp_case addsub_ext_cases[] = {
    { OP_ADD_ext, 0x8b220020, "add x0, x1, w2, uxtb", { G, 1, 0x1ff }, 0, 0, 0x100, 0 },
    { OP_ADD_ext, 0x8b228020, "add x0, x1, w2, sxtb", { G, 1, 0x80 }, 0, 0, 0xffffffffffffff81, 0 },
    { OP_ADD_ext, 0x8b22a820, "add x0, x1, w2, sxth #2", { G, 1, 0x8000 }, 0, 0, 0xfffffffffffe0001, 0 },
    { OP_ADD_ext, 0x8b22d020, "add x0, x1, w2, sxtw #4", { G, 1, 0xffffffff }, 0, 0, 0xfffffffffffffff1, 0 },
    { OP_ADD_ext, 0x8b224020, "add x0, x1, w2, uxtw", { G, 1, ALL1 }, 0, 0, 0x100000000, 0 },
    { OP_ADD_ext, 0x8b22e420, "add x0, x1, x2, sxtx #1", { G, 1, 3 }, 0, 0, 7, 0 },
    { OP_ADD_ext, 0x8b222420, "add x0, x1, w2, uxth #1", { G, 0, 0x18000 }, 0, 0, 0x10000, 0 },
    { OP_ADD_ext, 0x8b225020, "add x0, x1, w2, uxtw #4", { G, 0, ALL1 }, 0, 0, 0xffffffff0, 0 },
    // Rn 31 is SP, Rd 31 is SP for ADD/SUB
    { OP_ADD_ext, 0x8b2243e0, "add x0, sp, w2, uxtw", { G, 0, 0xffffffff00000010 }, 0, 0, SP_INIT + 0x10, 0 },
    { OP_ADD_ext, 0x8b2263ff, "add sp, sp, x2", { G, 0, 0x100 }, 0, RD_SP, SP_INIT + 0x100, 0 },
    { OP_SUB_ext, 0xcb2273ff, "sub sp, sp, x2, lsl #4", { G, 0, 0x10 }, 0, RD_SP, SP_INIT - 0x100, 0 },
    { OP_ADD_ext, 0x8b22403f, "add sp, x1, w2, uxtw", { G, 0x40000000, 0x100 }, 0, RD_SP, 0x40000100, 0 },
    { OP_ADD_ext, 0x0b220020, "add w0, w1, w2, uxtb", { G, 0xffffffff, 1 }, 0, 0, 0, 0 },
    { OP_ADD_ext, 0x0b2243e0, "add w0, wsp, w2", { G, 0, 0x10 }, 0, 0, (SP_INIT + 0x10) & 0xffffffff, 0 },
    { OP_ADD_ext, 0x0b229020, "add w0, w1, w2, sxtb #4", { G, 0, 0x80 }, 0, 0, 0xfffff800, 0 },
    { OP_SUB_ext, 0x4b22a020, "sub w0, w1, w2, sxth", { G, 0, 0x8000 }, 0, 0, 0x8000, 0 },
    // Rd 31 of SUBS is XZR while Rn 31 is SP
    { OP_SUBS_ext, 0xeb2263ff, "cmp sp, x2", { G, 0, SP_INIT }, 0, RD_NONE, 0, 0x6 },
    { OP_ADDS_ext, 0xab22c020, "adds x0, x1, w2, sxtw", { G, 1, 0xffffffff }, 0, 0, 0, 0x6 },
    { OP_SUBS_ext, 0xeb221020, "subs x0, x1, w2, uxtb #4", { G, 0x10, 0xff01 }, 0, 0, 0, 0x6 },
};

static const dp_case adc_cases[] = {
    { OP_ADC, 0x9a020020, "adc x0, x1, x2", { G, 1, 2 }, 0x2, 0, 4, 0x2 },
    { OP_ADC, 0x9a020020, "adc x0, x1, x2", { G, 1, 2 }, 0xd, 0, 3, 0xd },
    { OP_ADC, 0x1a020020, "adc w0, w1, w2", { G, 0xffffffff, 0 }, 0x2, 0, 0, 0x2 },
    { OP_ADCS, 0xba020020, "adcs x0, x1, x2", { G, ALL1, 0 }, 0x2, 0, 0, 0x6 },
    { OP_ADCS, 0xba020020, "adcs x0, x1, x2", { G, 0x7fffffffffffffff, 0 }, 0x2, 0, 0x8000000000000000, 0x9 },
    { OP_ADCS, 0x3a020020, "adcs w0, w1, w2", { G, 0xffffffff, 0xffffffff }, 0x2, 0, 0xffffffff, 0xa },
    { OP_SBC, 0xda020020, "sbc x0, x1, x2", { G, 5, 3 }, 0x2, 0, 2, 0x2 },
    { OP_SBC, 0xda020020, "sbc x0, x1, x2", { G, 5, 3 }, 0, 0, 1, 0 },
    { OP_SBCS, 0xfa020020, "sbcs x0, x1, x2", { G, 0, 0 }, 0, 0, ALL1, 0x8 },
    { OP_SBCS, 0x7a020020, "sbcs w0, w1, w2", { G, 0x80000000, 0 }, 0, 0, 0x7fffffff, 0x3 },
    { OP_SBC, 0xda0203e0, "ngc x0, x2", { G, 0, 0 }, 0, 0, ALL1, 0 },
    { OP_SBCS, 0x7a0203e0, "ngcs w0, w2", { G, 0, 0 }, 0x2, 0, 0, 0x6 },
};

static const dp_case ccmp_cases[] = {
    // condition holds: the flags of the comparison
    { OP_CCMP_reg, 0xfa420020, "ccmp x1, x2, #0, eq", { G, 1, 2 }, 0x4, RD_NONE, 0, 0x8 },
    // condition fails: the immediate nzcv
    { OP_CCMP_reg, 0xfa421025, "ccmp x1, x2, #5, ne", { G, 1, 2 }, 0x4, RD_NONE, 0, 0x5 },
    { OP_CCMN_reg, 0x3a42e020, "ccmn w1, w2, #0, al", { G, 0x7fffffff, 1 }, 0x6, RD_NONE, 0, 0x9 },
    // NV holds too
    { OP_CCMP_reg, 0xfa42f020, "ccmp x1, x2, #0, nv", { G, 5, 5 }, 0, RD_NONE, 0, 0x6 },
    { OP_CCMP_imm, 0x7a5f2822, "ccmp w1, #0x1f, #2, hs", { G, 31 }, 0x2, RD_NONE, 0, 0x6 },
    { OP_CCMP_imm, 0xfa403828, "ccmp x1, #0, #8, lo", { G, 0 }, 0x2, RD_NONE, 0, 0x8 },
    { OP_CCMN_imm, 0xba414820, "ccmn x1, #1, #0, mi", { G, ALL1 }, 0x8, RD_NONE, 0, 0x6 },
    { OP_CCMN_imm, 0x3a40c82f, "ccmn w1, #0, #0xf, gt", { G, 0 }, 0x4, RD_NONE, 0, 0xf },
    { OP_CCMP_imm, 0xfa400820, "ccmp x1, #0, #0, eq", { G, 0x8000000000000000 }, 0x4, RD_NONE, 0, 0xa },
};

static const dp_case csel_cases[] = {
    { OP_CSEL, 0x9a820020, "csel x0, x1, x2, eq", { G, 0x111, 0x222 }, 0x4, 0, 0x111, 0x4 },
    { OP_CSEL, 0x9a820020, "csel x0, x1, x2, eq", { G, 0x111, 0x222 }, 0, 0, 0x222, 0 },
    { OP_CSEL, 0x1a821020, "csel w0, w1, w2, ne", { G, 0xffffffff12345678, 2 }, 0, 0, 0x12345678, 0 },
    { OP_CSEL, 0x9a82f020, "csel x0, x1, x2, nv", { G, 0x111, 0x222 }, 0, 0, 0x111, 0 },
    { OP_CSINC, 0x9a82a420, "csinc x0, x1, x2, ge", { G, 1, ALL1 }, 0x8, 0, 0, 0x8 },
    { OP_CSINC, 0x9a811420, "cinc x0, x1, eq", { G, 41 }, 0x4, 0, 42, 0x4 },
    { OP_CSINC, 0x1a9f17e0, "cset w0, eq", { G }, 0x4, 0, 1, 0x4 },
    { OP_CSINC, 0x1a9f17e0, "cset w0, eq", { G }, 0, 0, 0, 0 },
    { OP_CSINV, 0xda9fa3e0, "csetm x0, lt", { G }, 0x8, 0, ALL1, 0x8 },
    { OP_CSINV, 0xda9fa3e0, "csetm x0, lt", { G }, 0x9, 0, 0, 0x9 },
    { OP_CSINV, 0x5a828020, "csinv w0, w1, w2, hi", { G, 1, 0xffff }, 0x6, 0, 0xffff0000, 0x6 },
    { OP_CSNEG, 0xda826420, "csneg x0, x1, x2, vs", { G, 1, 5 }, 0, 0, 0xfffffffffffffffb, 0 },
    { OP_CSNEG, 0x5a815420, "cneg w0, w1, mi", { G, 1 }, 0x8, 0, 0xffffffff, 0x8 },
    { OP_CSNEG, 0x5a815420, "cneg w0, w1, mi", { G, 0x80000000 }, 0x8, 0, 0x80000000, 0x8 },
    { OP_CSNEG, 0x5a82e420, "csneg w0, w1, w2, al", { G, 0xffffffff80000000, 2 }, 0, 0, 0x80000000, 0 },
};

static const dp_case mul_cases[] = {
    { OP_MADD, 0x9b020c20, "madd x0, x1, x2, x3", { G, 3, 4, 5 }, 0, 0, 17, 0 },
    { OP_MADD, 0x9b027c20, "mul x0, x1, x2", { G, 0x100000000, 0x100000000 }, 0, 0, 0, 0 },
    { OP_MADD, 0x9b027c20, "mul x0, x1, x2", { G, ALL1, ALL1 }, 0, 0, 1, 0 },
    { OP_MADD, 0x1b027c20, "mul w0, w1, w2", { G, 0x10000, 0x10000 }, 0, 0, 0, 0 },
    { OP_MADD, 0x1b027c20, "mul w0, w1, w2", { G, 0xffffffff, 2 }, 0, 0, 0xfffffffe, 0 },
    { OP_MADD, 0x1b020c20, "madd w0, w1, w2, w3", { G, 0x100000002, 3, 0xffffffff00000001 }, 0, 0, 7, 0 },
    { OP_MSUB, 0x9b028c20, "msub x0, x1, x2, x3", { G, 3, 4, 10 }, 0, 0, 0xfffffffffffffffe, 0 },
    { OP_MSUB, 0x1b02fc20, "mneg w0, w1, w2", { G, 3, 4 }, 0, 0, 0xfffffff4, 0 },
    // the widening forms read only the low halves of Xn and Xm
    { OP_SMADDL, 0x9b220c20, "smaddl x0, w1, w2, x3", { G, 0x12345678fffffffe, 3, 10 }, 0, 0, 4, 0 },
    { OP_SMADDL, 0x9b227c20, "smull x0, w1, w2", { G, 0x80000000, 0x80000000 }, 0, 0, 0x4000000000000000, 0 },
    { OP_SMSUBL, 0x9b228c20, "smsubl x0, w1, w2, x3", { G, 0xffffffff, 0xffffffff, 0 }, 0, 0, ALL1, 0 },
    { OP_UMADDL, 0x9ba20c20, "umaddl x0, w1, w2, x3", { G, 0xaaaaaaaaffffffff, 0xffffffff, 0 }, 0, 0, 0xfffffffe00000001, 0 },
    { OP_UMADDL, 0x9ba20c20, "umaddl x0, w1, w2, x3", { G, 1, 1, ALL1 }, 0, 0, 0, 0 },
    { OP_UMADDL, 0x9ba27c20, "umull x0, w1, w2", { G, 0xffffffff, 2 }, 0, 0, 0x1fffffffe, 0 },
    { OP_UMSUBL, 0x9ba28c20, "umsubl x0, w1, w2, x3", { G, 2, 3, 0 }, 0, 0, 0xfffffffffffffffa, 0 },
    { OP_SMULH, 0x9b427c20, "smulh x0, x1, x2", { G, ALL1, ALL1 }, 0, 0, 0, 0 },
    { OP_SMULH, 0x9b427c20, "smulh x0, x1, x2", { G, 0x8000000000000000, 0x8000000000000000 }, 0, 0, 0x4000000000000000, 0 },
    { OP_SMULH, 0x9b427c20, "smulh x0, x1, x2", { G, ALL1, 5 }, 0, 0, ALL1, 0 },
    { OP_SMULH, 0x9b427c20, "smulh x0, x1, x2", { G, 0x7fffffffffffffff, 0x7fffffffffffffff }, 0, 0, 0x3fffffffffffffff, 0 },
    // -2^63 * (2^63 - 1) = -2^126 + 2^63: the high half is -2^62
    { OP_SMULH, 0x9b427c20, "smulh x0, x1, x2", { G, 0x8000000000000000, 0x7fffffffffffffff }, 0, 0, 0xc000000000000000, 0 },
    { OP_UMULH, 0x9bc27c20, "umulh x0, x1, x2", { G, ALL1, ALL1 }, 0, 0, 0xfffffffffffffffe, 0 },
    { OP_UMULH, 0x9bc27c20, "umulh x0, x1, x2", { G, 0x100000000, 0x100000000 }, 0, 0, 1, 0 },
    { OP_UMULH, 0x9bc27c20, "umulh x0, x1, x2", { G, ALL1, 2 }, 0, 0, 1, 0 },
    { OP_UMULH, 0x9bc27c20, "umulh x0, x1, x2", { G, 0x123456789abcdef0, 0xfedcba9876543210 }, 0, 0, 0x121fa00ad77d7422, 0 },
};

static const dp_case div_cases[] = {
    { OP_UDIV, 0x9ac20820, "udiv x0, x1, x2", { G, 100, 7 }, 0, 0, 14, 0 },
    { OP_UDIV, 0x9ac20820, "udiv x0, x1, x2", { G, ALL1, 2 }, 0, 0, 0x7fffffffffffffff, 0 },
    // division by zero gives zero
    { OP_UDIV, 0x9ac20820, "udiv x0, x1, x2", { G, 5, 0 }, 0, 0, 0, 0 },
    { OP_UDIV, 0x1ac20820, "udiv w0, w1, w2", { G, 0x100000010, 0x100000004 }, 0, 0, 4, 0 },
    { OP_UDIV, 0x1ac20820, "udiv w0, w1, w2", { G, 0xffffffff, 0x10 }, 0, 0, 0x0fffffff, 0 },
    { OP_UDIV, 0x1ac20820, "udiv w0, w1, w2", { G, 0xffffffff, ALL1 }, 0, 0, 1, 0 },
    // rounding towards zero
    { OP_SDIV, 0x9ac20c20, "sdiv x0, x1, x2", { G, 0xfffffffffffffff9, 2 }, 0, 0, 0xfffffffffffffffd, 0 },
    { OP_SDIV, 0x9ac20c20, "sdiv x0, x1, x2", { G, 7, ALL1 }, 0, 0, 0xfffffffffffffff9, 0 },
    // INT64_MIN / -1 wraps to INT64_MIN
    { OP_SDIV, 0x9ac20c20, "sdiv x0, x1, x2", { G, 0x8000000000000000, ALL1 }, 0, 0, 0x8000000000000000, 0 },
    { OP_SDIV, 0x9ac20c20, "sdiv x0, x1, x2", { G, 5, 0 }, 0, 0, 0, 0 },
    { OP_SDIV, 0x1ac20c20, "sdiv w0, w1, w2", { G, 0x80000000, 0xffffffff }, 0, 0, 0x80000000, 0 },
    { OP_SDIV, 0x1ac20c20, "sdiv w0, w1, w2", { G, 7, 0xfffffffe }, 0, 0, 0xfffffffd, 0 },
    { OP_SDIV, 0x1ac20c20, "sdiv w0, w1, w2", { G, 0xfffffff9, 2 }, 0, 0, 0xfffffffd, 0 },
    // W2 is zero even though X2 is not
    { OP_SDIV, 0x1ac20c20, "sdiv w0, w1, w2", { G, 5, 0xffffffff00000000 }, 0, 0, 0, 0 },
};

static const dp_case shiftv_cases[] = {
    // the amount is taken modulo the datasize
    { OP_LSLV, 0x9ac22020, "lsl x0, x1, x2", { G, 0x8000000000000001, 64 }, 0, 0, 0x8000000000000001, 0 },
    { OP_LSLV, 0x9ac22020, "lsl x0, x1, x2", { G, 0x8000000000000001, 65 }, 0, 0, 2, 0 },
    { OP_LSLV, 0x9ac22020, "lsl x0, x1, x2", { G, 3, 63 }, 0, 0, 0x8000000000000000, 0 },
    { OP_LSLV, 0x1ac22020, "lsl w0, w1, w2", { G, 0xffffffff00000001, 32 }, 0, 0, 1, 0 },
    { OP_LSLV, 0x1ac22020, "lsl w0, w1, w2", { G, 0xffffffff00000001, 33 }, 0, 0, 2, 0 },
    { OP_LSRV, 0x9ac22420, "lsr x0, x1, x2", { G, 0x8000000000000000, ALL1 }, 0, 0, 1, 0 },
    { OP_LSRV, 0x1ac22420, "lsr w0, w1, w2", { G, 0xffffffff80000000, 31 }, 0, 0, 1, 0 },
    { OP_ASRV, 0x1ac22820, "asr w0, w1, w2", { G, 0x80000000, 63 }, 0, 0, 0xffffffff, 0 },
    { OP_ASRV, 0x9ac22820, "asr x0, x1, x2", { G, 0x8000000000000000, 1 }, 0, 0, 0xc000000000000000, 0 },
    { OP_ASRV, 0x9ac22820, "asr x0, x1, x2", { G, 0x8000000000000000, 0 }, 0, 0, 0x8000000000000000, 0 },
    { OP_RORV, 0x9ac22c20, "ror x0, x1, x2", { G, 0x1234, 4 }, 0, 0, 0x4000000000000123, 0 },
    { OP_RORV, 0x9ac22c20, "ror x0, x1, x2", { G, 0x1234, 64 }, 0, 0, 0x1234, 0 },
    { OP_RORV, 0x1ac22c20, "ror w0, w1, w2", { G, 0x1234, 36 }, 0, 0, 0x40000123, 0 },
};

static const dp_case bits_cases[] = {
    { OP_RBIT, 0xdac00020, "rbit x0, x1", { G, 1 }, 0, 0, 0x8000000000000000, 0 },
    { OP_RBIT, 0xdac00020, "rbit x0, x1", { G, 0x0123456789abcdef }, 0, 0, 0xf7b3d591e6a2c480, 0 },
    { OP_RBIT, 0x5ac00020, "rbit w0, w1", { G, 0xffffffff00000001 }, 0, 0, 0x80000000, 0 },
    { OP_REV16, 0xdac00420, "rev16 x0, x1", { G, 0x0123456789abcdef }, 0, 0, 0x23016745ab89efcd, 0 },
    { OP_REV16, 0x5ac00420, "rev16 w0, w1", { G, 0xffffffff11223344 }, 0, 0, 0x22114433, 0 },
    { OP_REV32, 0xdac00820, "rev32 x0, x1", { G, 0x0123456789abcdef }, 0, 0, 0x67452301efcdab89, 0 },
    { OP_REV_w, 0x5ac00820, "rev w0, w1", { G, 0xffffffff11223344 }, 0, 0, 0x44332211, 0 },
    { OP_REV_x, 0xdac00c20, "rev x0, x1", { G, 0x0123456789abcdef }, 0, 0, 0xefcdab8967452301, 0 },
    { OP_CLZ, 0xdac01020, "clz x0, x1", { G, 0 }, 0, 0, 64, 0 },
    { OP_CLZ, 0xdac01020, "clz x0, x1", { G, ALL1 }, 0, 0, 0, 0 },
    { OP_CLZ, 0xdac01020, "clz x0, x1", { G, 1 }, 0, 0, 63, 0 },
    { OP_CLZ, 0x5ac01020, "clz w0, w1", { G, 0xffffffff00000000 }, 0, 0, 32, 0 },
    { OP_CLZ, 0x5ac01020, "clz w0, w1", { G, 0x8000 }, 0, 0, 16, 0 },
    { OP_CLS, 0xdac01420, "cls x0, x1", { G, 0 }, 0, 0, 63, 0 },
    { OP_CLS, 0xdac01420, "cls x0, x1", { G, ALL1 }, 0, 0, 63, 0 },
    { OP_CLS, 0xdac01420, "cls x0, x1", { G, 1 }, 0, 0, 62, 0 },
    { OP_CLS, 0xdac01420, "cls x0, x1", { G, 0x8000000000000000 }, 0, 0, 0, 0 },
    { OP_CLS, 0xdac01420, "cls x0, x1", { G, 0xc000000000000000 }, 0, 0, 1, 0 },
    { OP_CLS, 0x5ac01420, "cls w0, w1", { G, 0xffffffff00000000 }, 0, 0, 31, 0 },
    { OP_CLS, 0x5ac01420, "cls w0, w1", { G, 0xffffffff }, 0, 0, 31, 0 },
    { OP_CLS, 0x5ac01420, "cls w0, w1", { G, 0x40000000 }, 0, 0, 0, 0 },
    { OP_CLS, 0x5ac01420, "cls w0, w1", { G, 0xfffff000 }, 0, 0, 19, 0 },
};

/* Each word is a valid one with the named field changed. */
static const undef_case undef_cases[] = {
    { OP_ADD_shift, 0x8bc20020, "add x0, x1, x2 with shift 11" },
    { OP_SUBS_shift, 0xebc20020, "subs x0, x1, x2 with shift 11" },
    { OP_ADD_shift, 0x0b028020, "add w0, w1, w2 with imm6 32" },
    { OP_AND_shift, 0x0a028020, "and w0, w1, w2 with imm6 32" },
    { OP_BIC_shift, 0x0a228020, "bic w0, w1, w2 with imm6 32" },
    { OP_ADD_ext, 0x8b225420, "add x0, x1, w2, uxtw with imm3 5" },
    { OP_ADDS_ext, 0xab225c20, "adds x0, x1, w2, uxtw with imm3 7" },
    { OP_UNALLOCATED, 0x8b624020, "add (extended) with opt 01" },
    { OP_UNALLOCATED, 0x9a020420, "adc with opcode2 000001" },
    { OP_UNALLOCATED, 0xda420020, "ccmp with S 0" },
    { OP_UNALLOCATED, 0xfa420420, "ccmp (register) with o2 1" },
    { OP_UNALLOCATED, 0xfa400830, "ccmp (immediate) with o3 1" },
    { OP_UNALLOCATED, 0xba820020, "csel with S 1" },
    { OP_UNALLOCATED, 0x9a820820, "csel with op2 10" },
    { OP_UNALLOCATED, 0x1b220c20, "smaddl with sf 0" },
    { OP_UNALLOCATED, 0x9b42fc20, "smulh with o0 1" },
    { OP_UNALLOCATED, 0x1ac20020, "2-source opcode 000000 with sf 0" },
    { OP_UNALLOCATED, 0x5ac00c20, "rev with sf 0 and opc 11" },
    { OP_UNALLOCATED, 0xdac01820, "1-source opcode 000110" },
};

#define TEST_TABLE(name, tab)      \
    static void name(void **state) \
    {                              \
        (void)state;               \
        RUN(tab);                  \
    }
TEST_TABLE(test_logic_shift, logic_shift_cases)
TEST_TABLE(test_addsub_shift, addsub_shift_cases)
TEST_TABLE(test_addsub_ext, addsub_ext_cases)
TEST_TABLE(test_adc, adc_cases)
TEST_TABLE(test_ccmp, ccmp_cases)
TEST_TABLE(test_csel, csel_cases)
TEST_TABLE(test_mul, mul_cases)
TEST_TABLE(test_div, div_cases)
TEST_TABLE(test_shiftv, shiftv_cases)
TEST_TABLE(test_bits, bits_cases)

static void test_undefined(void **state)
{
    (void)state;
    run_undef(undef_cases, sizeof undef_cases / sizeof undef_cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_logic_shift), cmocka_unit_test(test_addsub_shift),
        cmocka_unit_test(test_addsub_ext),  cmocka_unit_test(test_adc),
        cmocka_unit_test(test_ccmp),        cmocka_unit_test(test_csel),
        cmocka_unit_test(test_mul),         cmocka_unit_test(test_div),
        cmocka_unit_test(test_shiftv),      cmocka_unit_test(test_bits),
        cmocka_unit_test(test_undefined),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
