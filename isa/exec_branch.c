/* isa/exec_branch.c: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR/BLR/RET. */
#include "decode.h"
#include "exception.h"
#include "pstate.h"

void exec_b_imm(a64_cpu *c, const a64_dec *d)
{
    if (a64_arg(d)) // BL
        a64_set_x(c, 30, c->pc + 4);
    c->next_pc = c->pc + (uint64_t)(a64_sfld(d, 'i') * 4);
}

void exec_b_cond(a64_cpu *c, const a64_dec *d)
{
    if (a64_cond_holds(c->ps.nzcv, a64_fld(d, 'c')))
        c->next_pc = c->pc + (uint64_t)(a64_sfld(d, 'i') * 4);
}

void exec_cbz(a64_cpu *c, const a64_dec *d)
{
    uint64_t v = a64_x(c, a64_fld(d, 't'));
    if (!a64_fld(d, 'f'))
        v = (uint32_t)v;
    bool take = a64_arg(d) ? v != 0 : v == 0;
    if (take)
        c->next_pc = c->pc + (uint64_t)(a64_sfld(d, 'i') * 4);
}

void exec_tbz(a64_cpu *c, const a64_dec *d)
{
    unsigned bit = (a64_fld(d, 'b') << 5) | a64_fld(d, 'j');
    bool set = (a64_x(c, a64_fld(d, 't')) >> bit) & 1;
    if (set == (bool)a64_arg(d))
        c->next_pc = c->pc + (uint64_t)(a64_sfld(d, 'i') * 4);
}

/* arg: 0 BR, 1 BLR, 2 RET. */
void exec_b_reg(a64_cpu *c, const a64_dec *d)
{
    uint64_t target = a64_x(c, a64_fld(d, 'n')); // read before BLR writes x30
    if (a64_arg(d) == 1)
        a64_set_x(c, 30, c->pc + 4);
    c->next_pc = target;
}
