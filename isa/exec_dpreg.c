/* isa/exec_dpreg.c: data processing (register): ADD/SUB shifted and
 * extended, logical shifted, ADC/SBC, CCMN/CCMP and the conditional selects. */
#include "alu.h"
#include "decode.h"
#include "exception.h"
#include "pstate.h"

/* AddWithCarry for the ADD/SUB family: SUB adds NOT(y) with carry 1. */
static inline uint64_t addsub(uint64_t x, uint64_t y, int op, unsigned carry, bool is64,
                              uint32_t *nzcv)
{
    if (op & ADDSUB_SUB)
        y = ~y;
    return a64_add_with_carry(x, y, carry, is64, nzcv);
}

/* ADD/ADDS/SUB/SUBS (shifted register): Rn, Rm and Rd 31 are all XZR. */
void exec_addsub_shift(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned type = a64_fld(d, 'h'), amount = a64_fld(d, 'i');
    // shift == 11 is reserved, and so is imm6<5> == 1 with sf == 0
    if (type == DP_ROR || (!is64 && amount >= 32)) {
        a64_undefined(c);
        return;
    }
    int op = a64_arg(d);
    uint64_t y = alu_shift(a64_x(c, a64_fld(d, 'm')), type, amount, is64);
    uint32_t nzcv;
    uint64_t r = addsub(a64_x(c, a64_fld(d, 'n')), y, op, (op & ADDSUB_SUB) ? 1 : 0, is64, &nzcv);
    if (op & ADDSUB_S)
        c->ps.nzcv = nzcv;
    a64_set_x(c, a64_fld(d, 'd'), r);
}

/* ADD/ADDS/SUB/SUBS (extended register): Rn 31 is SP; Rd 31 is SP for
 * ADD/SUB and XZR for the flag-setting forms; Rm 31 is XZR. */
void exec_addsub_ext(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned shift = a64_fld(d, 'i');
    if (shift > 4) { // imm3 of 101, 110, 111 is reserved
        a64_undefined(c);
        return;
    }
    int op = a64_arg(d);
    uint64_t y = alu_extend(a64_x(c, a64_fld(d, 'm')), a64_fld(d, 'x'), shift, is64);
    uint32_t nzcv;
    uint64_t r = addsub(a64_xsp(c, a64_fld(d, 'n')), y, op, (op & ADDSUB_SUB) ? 1 : 0, is64, &nzcv);
    unsigned rd = a64_fld(d, 'd');
    if (op & ADDSUB_S) {
        c->ps.nzcv = nzcv;
        a64_set_x(c, rd, r);
    } else {
        a64_set_xsp(c, rd, r);
    }
}

/* AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register), ROR allowed. */
void exec_logic_shift(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    unsigned amount = a64_fld(d, 'i');
    if (!is64 && amount >= 32) { // imm6<5> == 1 with sf == 0 is reserved
        a64_undefined(c);
        return;
    }
    int op = a64_arg(d);
    uint64_t m = alu_mask(is64);
    uint64_t x = a64_x(c, a64_fld(d, 'n')) & m;
    uint64_t y = alu_shift(a64_x(c, a64_fld(d, 'm')), a64_fld(d, 'h'), amount, is64);
    if (op & LOG_NOT)
        y = ~y & m;
    uint64_t r;
    switch (op & LOG_OPMASK) {
    case LOG_AND:
    case LOG_ANDS:
        r = x & y;
        break;
    case LOG_ORR:
        r = x | y;
        break;
    default: // LOG_EOR
        r = x ^ y;
        break;
    }
    if ((op & LOG_OPMASK) == LOG_ANDS)
        c->ps.nzcv = a64_logic_flags(r, is64);
    a64_set_x(c, a64_fld(d, 'd'), r);
}

/* ADC/ADCS/SBC/SBCS: the carry-in is PSTATE.C. */
void exec_adc(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    int op = a64_arg(d);
    uint32_t nzcv;
    uint64_t r = addsub(a64_x(c, a64_fld(d, 'n')), a64_x(c, a64_fld(d, 'm')), op,
                        (c->ps.nzcv & PSTATE_C) ? 1 : 0, is64, &nzcv);
    if (op & ADDSUB_S)
        c->ps.nzcv = nzcv;
    a64_set_x(c, a64_fld(d, 'd'), r);
}

/* CCMN/CCMP: the flags of Rn + / - y when cond holds, else the nzcv field. */
static inline void ccmp(a64_cpu *c, const a64_dec *d, uint64_t y)
{
    uint32_t nzcv = a64_fld(d, 'j') << 28;
    if (a64_cond_holds(c->ps.nzcv, a64_fld(d, 'c'))) {
        int op = a64_arg(d);
        addsub(a64_x(c, a64_fld(d, 'n')), y, op, (op & ADDSUB_SUB) ? 1 : 0, a64_fld(d, 'f'),
               &nzcv);
    }
    c->ps.nzcv = nzcv;
}

void exec_ccmp_reg(a64_cpu *c, const a64_dec *d) { ccmp(c, d, a64_x(c, a64_fld(d, 'm'))); }

void exec_ccmp_imm(a64_cpu *c, const a64_dec *d) { ccmp(c, d, a64_fld(d, 'i')); }

/* CSEL/CSINC/CSINV/CSNEG: Rn if cond holds, else Rm inverted and/or
 * incremented as the row says. */
void exec_csel(a64_cpu *c, const a64_dec *d)
{
    bool is64 = a64_fld(d, 'f');
    uint64_t r;
    if (a64_cond_holds(c->ps.nzcv, a64_fld(d, 'c'))) {
        r = a64_x(c, a64_fld(d, 'n'));
    } else {
        int op = a64_arg(d);
        r = a64_x(c, a64_fld(d, 'm'));
        if (op & CSEL_INV)
            r = ~r;
        if (op & CSEL_INC)
            r += 1; // unsigned: wraps as the architecture's modular result does
    }
    a64_set_x(c, a64_fld(d, 'd'), r & alu_mask(is64));
}
