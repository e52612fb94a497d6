/* isa/exec_pauth.c: the pointer-authentication instructions (FEAT_PAuth):
 * the PAC, AUT and XPAC hints and register forms, PACGA, BRAA..., LDRAA. */
#include "decode.h"
#include "exception.h"
#include "ldst.h"
#include "pauth.h"

/* Without FEAT_PAuth the hint-space forms stay hints (NOPs) and every
 * other form is UNDEFINED: the row's class tells which. */
static bool have_pauth(a64_cpu *c, const a64_dec *d)
{
    if (c->feat & FEAT_BIT(FEAT_PAUTH))
        return true;
    if (a64_insns[d->op].cls != CLS_HINT)
        a64_undefined(c);
    return false;
}

/* The row's modifier; `reg` names the field of the Xn|SP / Xm|SP forms. */
static uint64_t modifier(const a64_cpu *c, const a64_dec *d, char reg)
{
    switch (a64_arg(d) & PA_MOD_MASK) {
    case PA_MOD_ZERO: return 0;
    case PA_MOD_SP: return a64_sp(c);
    case PA_MOD_X16: return c->x[16];
    default: return a64_xsp(c, a64_fld(d, reg));
    }
}

/* AddPACxx or AuthXX of ptr as the row says; false after a trap. */
static bool pac_op(a64_cpu *c, const a64_dec *d, uint64_t ptr, uint64_t mod, uint64_t *out)
{
    int arg = a64_arg(d);
    unsigned key = (unsigned)arg & PA_KEY_MASK;
    return (arg & PA_AUT) ? a64_pac_auth(c, key, ptr, mod, out) : a64_pac_add(c, key, ptr, mod, out);
}

/* PACIA1716... on X17 with X16; PACIAZ/PACIASP... on X30 with zero or SP. */
void exec_pac_hint(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    unsigned r = (a64_arg(d) & PA_MOD_MASK) == PA_MOD_X16 ? 17 : 30;
    uint64_t v;
    if (pac_op(c, d, c->x[r], modifier(c, d, 'n'), &v))
        a64_set_x(c, r, v);
}

/* PACIA Xd, Xn|SP ... AUTDZB Xd. */
void exec_pac(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    unsigned rd = a64_fld(d, 'd');
    uint64_t v;
    if (pac_op(c, d, a64_x(c, rd), modifier(c, d, 'n'), &v))
        a64_set_x(c, rd, v);
}

/* XPACI/XPACD Xd, and XPACLRI (X30, an instruction address). */
void exec_xpac(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    unsigned rd = a64_insns[d->op].cls == CLS_HINT ? 30 : a64_fld(d, 'd');
    uint64_t v;
    if (a64_pac_strip(c, a64_arg(d) & PA_DATA, a64_x(c, rd), &v))
        a64_set_x(c, rd, v);
}

/* PACGA Xd, Xn, Xm|SP: the top half of ComputePAC under the generic key. */
void exec_pacga(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    uint64_t v;
    if (a64_pac_generic(c, a64_x(c, a64_fld(d, 'n')), a64_xsp(c, a64_fld(d, 'm')), &v))
        a64_set_x(c, a64_fld(d, 'd'), v);
}

/* BRAA..., BLRAA..., RETAA/RETAB: authenticate the target, then branch to
 * whatever came out; a failed authentication leaves the error code in the
 * target, so it is the fetch there that faults. */
void exec_b_pac(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    int kind = a64_arg(d) & PA_BRANCH_MASK;
    uint64_t target = kind == PA_RET ? c->x[30] : a64_x(c, a64_fld(d, 'n'));
    if (!pac_op(c, d, target, modifier(c, d, 'm'), &target))
        return;
    if (kind == PA_BLR)
        a64_set_x(c, 30, c->pc + 4); // after Xn was read: BLRAA X30 branches to the old X30
    c->next_pc = target;
}

/* LDRAA/LDRAB Xt, [Xn|SP, #simm10 * 8]{!}: the base authenticated with a
 * zero modifier under DA/DB, then a doubleword load; the pre-indexed form
 * writes the authenticated address plus offset back. */
void exec_ldra(a64_cpu *c, const a64_dec *d)
{
    if (!have_pauth(c, d))
        return;
    unsigned n = a64_fld(d, 'n'), t = a64_fld(d, 't');
    uint64_t addr, sp;
    // the Arm ARM authenticates before CheckSPAlignment: a trap comes first
    if (!pac_op(c, d, a64_xsp(c, n), modifier(c, d, 'n'), &addr))
        return;
    if (n == 31 && !ls_base(c, n, &sp))
        return;
    int64_t off = (int64_t)a64_fld(d, 'i') - (a64_fld(d, 's') ? 512 : 0); // S:imm9
    addr += (uint64_t)(off * 8);
    uint64_t v;
    if (!ls_check_a(c, addr, 8, false) || !ls_read(c, addr, 8, &v))
        return;
    // write back before Rt, as ld_gpr does: Rt == Rn ends with the loaded
    // value (the Constraint_WBSUPPRESS outcome of WBOVERLAPLD)
    if (a64_arg(d) & PA_WBACK)
        a64_set_xsp(c, n, addr);
    a64_set_x(c, t, v);
}
