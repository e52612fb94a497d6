/* isa/exec_ldst_pair.c: general-register pairs: LDP/STP (offset, pre- and
 * post-index), LDPSW, and the non-temporal LDNP/STNP. */
#include "ldst.h"

/* Both registers come from one access of twice the register size, so a
 * fault in either half writes no register. Writing back before Rt/Rt2 makes
 * an overlap of Rn with Rt or Rt2 (WBOVERLAPLD) keep the loaded value
 * (Constraint_WBSUPPRESS); with Rt == Rt2 (LDPOVERLAP, Constraint_UNKNOWN)
 * the register ends up with the second value. */
static void ldp_gpr(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    int arg = a64_arg(d);
    unsigned bytes = ls_size(arg);
    uint64_t buf[2] = { 0, 0 };
    if (!ls_check_a(c, a->va, bytes, false) || !a64_mem_read(c, a->va, 2 * bytes, buf))
        return;
    uint64_t lo = buf[0], hi = buf[1];
    if (bytes == 4) {
        lo = (uint32_t)buf[0];
        hi = buf[0] >> 32;
    }
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
    a64_set_x(c, a64_fld(d, 't'), ls_extend(lo, arg));
    a64_set_x(c, a64_fld(d, 'u'), ls_extend(hi, arg));
}

/* Rt and Rt2 are read before the write-back: an overlap with Rn
 * (WBOVERLAPST) stores the original values (Constraint_NONE). */
static void stp_gpr(a64_cpu *c, const a64_dec *d, const ls_addr *a)
{
    unsigned bytes = ls_size(a64_arg(d));
    uint64_t lo = a64_x(c, a64_fld(d, 't')), hi = a64_x(c, a64_fld(d, 'u'));
    uint64_t buf[2] = { lo, hi };
    if (bytes == 4)
        buf[0] = (uint32_t)lo | hi << 32;
    if (!ls_check_a(c, a->va, bytes, true) || !a64_mem_write(c, a->va, 2 * bytes, buf))
        return;
    if (a->wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a->wb);
}

LS_HANDLER(exec_ldp_off, ls_addr_pair_off, ldp_gpr)
LS_HANDLER(exec_ldp_pre, ls_addr_pair_pre, ldp_gpr)
LS_HANDLER(exec_ldp_post, ls_addr_pair_post, ldp_gpr)
LS_HANDLER(exec_stp_off, ls_addr_pair_off, stp_gpr)
LS_HANDLER(exec_stp_pre, ls_addr_pair_pre, stp_gpr)
LS_HANDLER(exec_stp_post, ls_addr_pair_post, stp_gpr)
