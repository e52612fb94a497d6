/* isa/exec_ldst.c: general-register single loads and stores in every
 * addressing form (offset, pre/post-index, unscaled, unprivileged, register
 * offset, literal) and PRFM/PRFUM. */
#include "ldst.h"

/* Loads, writing back before Rt: with wback, Rn == Rt and n != 31 (the
 * CONSTRAINED UNPREDICTABLE WBOVERLAPLD case) Rt ends up holding the loaded
 * value, which is the Constraint_WBSUPPRESS behaviour. A fault writes no
 * register at all. */
static void ld_gpr(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    int arg = a64_arg(d);
    unsigned bytes = ls_size(arg);
    uint64_t v;
    if (!ls_check_a(c, a->va, bytes, false) || !ls_read(c, a->va, bytes, &v))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
    a64_set_x(c, a64_fld(d, 't'), ls_extend(v, arg));
}

/* Stores read Rt before the write-back: with Rn == Rt (WBOVERLAPST) the
 * original value of Rt is stored (Constraint_NONE). Rt = 31 stores zero. */
static void st_gpr(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t v = a64_x(c, a64_fld(d, 't'));
    if (!ls_check_a(c, a->va, bytes, true) || !ls_write(c, a->va, bytes, v))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
}

LS_HANDLER(exec_ldr_uimm, ls_addr_uimm, ld_gpr)
LS_HANDLER(exec_ldr_pre, ls_addr_pre, ld_gpr)
LS_HANDLER(exec_ldr_post, ls_addr_post, ld_gpr)
LS_HANDLER(exec_ldur, ls_addr_simm, ld_gpr)
LS_HANDLER(exec_ldr_reg, ls_addr_reg, ld_gpr)
LS_HANDLER(exec_ldr_lit, ls_addr_lit, ld_gpr)

LS_HANDLER(exec_str_uimm, ls_addr_uimm, st_gpr)
LS_HANDLER(exec_str_pre, ls_addr_pre, st_gpr)
LS_HANDLER(exec_str_post, ls_addr_post, st_gpr)
LS_HANDLER(exec_stur, ls_addr_simm, st_gpr)
LS_HANDLER(exec_str_reg, ls_addr_reg, st_gpr)

/* PRFM/PRFUM: a hint with no architectural effect. It accesses no memory,
 * so it never faults, and the Arm ARM skips CheckSPAlignment for it. */
void exec_prfm(a64_cpu *c, const a64_dec *d)
{
    (void)c;
    (void)d;
}
