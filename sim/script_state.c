/* sim/script_state.c: what a scenario reads and changes in a machine:
 * registers, system and vector registers, memory, the vcpu's saved guest
 * registers, symbols, injections and the asynchronous-exception records. */
#include <ctype.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "async.h"
#include "locate.h"
#include "regs.h"
#include "script_machine.h"
#include "sysreg.h"

static uint64_t check_u64(lua_State *L, int idx) { return (uint64_t)luaL_checkinteger(L, idx); }

/* ---- addresses ---- */

uint64_t sm_where(lua_State *L, script_machine *sm, int idx)
{
    if (lua_isinteger(L, idx))
        return (uint64_t)lua_tointeger(L, idx);
    const char *s = luaL_checkstring(L, idx);
    uint64_t addr;
    char why[512];
    if (!locate_resolve(sm->m, s, &addr, why, sizeof why))
        return (uint64_t)luaL_error(L, "'%s': %s", s, why);
    return addr;
}

/* ---- registers ---- */

enum reg_kind { R_X, R_W, R_SP, R_PC, R_EL, R_SPSEL, R_DAIF, R_NZCV, R_SPEL };

static enum reg_kind parse_reg(lua_State *L, int idx, unsigned *n)
{
    if (lua_isinteger(L, idx)) {
        lua_Integer v = lua_tointeger(L, idx);
        if (v < 0 || v > 30)
            luaL_error(L, "register x%d does not exist (x0-x30)", (int)v);
        *n = (unsigned)v;
        return R_X;
    }
    const char *s = luaL_checkstring(L, idx);
    char *end;
    if ((s[0] == 'x' || s[0] == 'w') && isdigit((unsigned char)s[1])) {
        unsigned long v = strtoul(s + 1, &end, 10);
        if (!*end && v <= 30) {
            *n = (unsigned)v;
            return s[0] == 'x' ? R_X : R_W;
        }
    }
    static const struct { const char *name; enum reg_kind k; unsigned n; } named[] = {
        { "lr", R_X, 30 },       { "fp", R_X, 29 },       { "sp", R_SP, 0 },       { "pc", R_PC, 0 },
        { "el", R_EL, 0 },       { "spsel", R_SPSEL, 0 }, { "daif", R_DAIF, 0 },   { "nzcv", R_NZCV, 0 },
        { "sp_el0", R_SPEL, 0 }, { "sp_el1", R_SPEL, 1 }, { "sp_el2", R_SPEL, 2 },
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(s, named[i].name) == 0) {
            *n = named[i].n;
            return named[i].k;
        }
    return (enum reg_kind)luaL_error(
        L, "no register '%s' (x0-x30, w0-w30, lr, fp, sp, pc, el, spsel, daif, nzcv, sp_el0-2)", s);
}

/* m:reg(name) */
static int l_reg(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    unsigned n;
    uint64_t v = 0;
    switch (parse_reg(L, 2, &n)) {
    case R_X: v = c->x[n]; break;
    case R_W: v = (uint32_t)c->x[n]; break;
    case R_SP: v = a64_sp(c); break;
    case R_PC: v = c->pc; break;
    case R_EL: v = c->ps.el; break;
    case R_SPSEL: v = c->ps.sp; break;
    case R_DAIF: v = c->ps.daif; break;
    case R_NZCV: v = c->ps.nzcv; break;
    case R_SPEL: v = c->sp_el[n]; break;
    }
    sm_push_u64(L, v);
    return 1;
}

/* m:set_reg(name, value) */
static int l_set_reg(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    unsigned n;
    enum reg_kind k = parse_reg(L, 2, &n);
    uint64_t v = check_u64(L, 3);
    switch (k) {
    case R_X: c->x[n] = v; break;
    case R_W: c->x[n] = (uint32_t)v; break;
    case R_SP: a64_set_sp(c, v); break;
    case R_PC: c->pc = v; break;
    case R_EL:
        if (v > A64_EL2)
            return luaL_error(L, "el must be 0, 1 or 2");
        c->ps.el = (uint8_t)v;
        break;
    case R_SPSEL: c->ps.sp = v & 1; break;
    case R_DAIF: c->ps.daif = (uint32_t)v & PSTATE_DAIF_MASK; break;
    case R_NZCV: c->ps.nzcv = (uint32_t)v & PSTATE_NZCV_MASK; break;
    case R_SPEL: c->sp_el[n] = v; break;
    }
    c->x[31] = 0;
    return 0;
}

static int l_pc(lua_State *L)
{
    sm_push_u64(L, sm_check(L, 1)->m->cpu.pc);
    return 1;
}

static int l_el(lua_State *L)
{
    lua_pushinteger(L, sm_check(L, 1)->m->cpu.ps.el);
    return 1;
}

static int sysreg_id(lua_State *L, int idx)
{
    const char *s = luaL_checkstring(L, idx);
    char up[64];
    size_t i;
    for (i = 0; s[i] && i < sizeof up - 1; i++)
        up[i] = (char)toupper((unsigned char)s[i]);
    up[i] = 0;
    int id = sysreg_by_name(up);
    if (id < 0)
        luaL_error(L, "no system register '%s'", s);
    return id;
}

/* m:sysreg("ESR_EL2"): the register as the CPU holds it (views such as
 * DAIF or DISR_EL1 answer as an MRS at the current EL would, untrapped). */
static int l_sysreg(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    sm_push_u64(L, sysreg_get(&sm->m->cpu, sysreg_id(L, 2)));
    return 1;
}

static int l_set_sysreg(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    int id = sysreg_id(L, 2);
    sysreg_set(&sm->m->cpu, id, check_u64(L, 3));
    return 0;
}

static unsigned vreg_n(lua_State *L, int idx)
{
    lua_Integer n = luaL_checkinteger(L, idx);
    if (n < 0 || n > 31)
        luaL_error(L, "register v%d does not exist (v0-v31)", (int)n);
    return (unsigned)n;
}

/* m:vreg(n) -> low 64 bits, high 64 bits */
static int l_vreg(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    unsigned n = vreg_n(L, 2);
    sm_push_u64(L, c->v[n][0]);
    sm_push_u64(L, c->v[n][1]);
    return 2;
}

static int l_set_vreg(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    unsigned n = vreg_n(L, 2);
    c->v[n][0] = check_u64(L, 3);
    c->v[n][1] = (uint64_t)luaL_optinteger(L, 4, 0);
    return 0;
}

/* ---- memory (physical: stage 1 and 2 are not modelled) ---- */

/* Memory that is not RAM (MMIO holes, nothing at all) cannot be accessed
 * from a script: the access has no device behind it here. */
static int not_memory(lua_State *L, const char *what, unsigned n, uint64_t addr)
{
    char a[24];
    snprintf(a, sizeof a, "0x%" PRIx64, addr);
    return luaL_error(L, what, (int)n, a);
}

static int read_n(lua_State *L, unsigned size)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t addr = check_u64(L, 2), v = 0;
    if (!mem_read(&sm->m->mem, addr, &v, size))
        return not_memory(L, "read%d at %s: not memory", size * 8, addr);
    sm_push_u64(L, v);
    return 1;
}

static int write_n(lua_State *L, unsigned size)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t addr = check_u64(L, 2), v = check_u64(L, 3);
    if (!mem_write(&sm->m->mem, addr, &v, size))
        return not_memory(L, "write%d at %s: not memory", size * 8, addr);
    // the CPU may hold decoded code or a host pointer for the old page
    a64_tlb_flush(&sm->m->cpu);
    return 0;
}

static int l_read8(lua_State *L) { return read_n(L, 1); }
static int l_read16(lua_State *L) { return read_n(L, 2); }
static int l_read32(lua_State *L) { return read_n(L, 4); }
static int l_read64(lua_State *L) { return read_n(L, 8); }
static int l_write8(lua_State *L) { return write_n(L, 1); }
static int l_write16(lua_State *L) { return write_n(L, 2); }
static int l_write32(lua_State *L) { return write_n(L, 4); }
static int l_write64(lua_State *L) { return write_n(L, 8); }

/* m:read(addr, len) -> the bytes as a string */
static int l_read(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t addr = check_u64(L, 2);
    lua_Integer len = luaL_checkinteger(L, 3);
    luaL_argcheck(L, len >= 0 && len <= (1 << 24), 3, "length out of range (0..16M)");
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, (size_t)len);
    if (!mem_read(&sm->m->mem, addr, p, (size_t)len))
        return not_memory(L, "read of %d bytes at %s: not memory", (unsigned)len, addr);
    luaL_pushresultsize(&b, (size_t)len);
    return 1;
}

/* m:write(addr, string) */
static int l_write(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t addr = check_u64(L, 2);
    size_t len;
    const char *s = luaL_checklstring(L, 3, &len);
    if (!mem_write(&sm->m->mem, addr, s, len))
        return not_memory(L, "write of %d bytes at %s: not memory", (unsigned)len, addr);
    a64_tlb_flush(&sm->m->cpu);
    return 0;
}

/* ---- the vcpu (world mode) ---- */

static script_machine *check_world(lua_State *L, int idx, const char *what)
{
    script_machine *sm = sm_check(L, idx);
    if (!sm->world)
        luaL_error(L, "%s: only a world-switch machine (elsim.world) has a vcpu", what);
    return sm;
}

static unsigned xreg_n(lua_State *L, int idx)
{
    lua_Integer n = luaL_checkinteger(L, idx);
    if (n < 0 || n > 30)
        luaL_error(L, "register x%d does not exist (x0-x30)", (int)n);
    return (unsigned)n;
}

/* m:guest_reg(n): the guest's xn as the hyp saved it in the vcpu */
static int l_guest_reg(lua_State *L)
{
    script_machine *sm = check_world(L, 1, "guest_reg");
    sm_push_u64(L, harness_guest_x(&sm->st->h, xreg_n(L, 2)));
    return 1;
}

static int l_set_guest_reg(lua_State *L)
{
    script_machine *sm = check_world(L, 1, "set_guest_reg");
    unsigned n = xreg_n(L, 2);
    harness_set_guest_x(&sm->st->h, n, check_u64(L, 3));
    a64_tlb_flush(&sm->m->cpu);
    return 0;
}

/* ---- symbols ---- */

static int l_symbol(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t a;
    if (machine_symbol(sm->m, luaL_checkstring(L, 2), &a))
        sm_push_u64(L, a);
    else
        lua_pushnil(L);
    return 1;
}

static int l_symbolize(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    char buf[256];
    lua_pushstring(L, machine_symbolize(sm->m, check_u64(L, 2), buf, sizeof buf));
    return 1;
}

/* ---- asynchronous exceptions ---- */

/* m:inject(kind, where, {esr=}) with where a symbol[+-N], an address,
 * "insn=N", "cycle=N", or nil for "before the next instruction". */
static int l_inject(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    const char *kind = luaL_checkstring(L, 2);
    char where[96], spec[128], err[512];
    if (lua_isnoneornil(L, 3))
        snprintf(where, sizeof where, "insn=%" PRIu64, sm->m->cpu.insns);
    else if (lua_isinteger(L, 3))
        snprintf(where, sizeof where, "0x%" PRIx64, (uint64_t)lua_tointeger(L, 3));
    else
        snprintf(where, sizeof where, "%s", luaL_checkstring(L, 3));
    uint64_t esr;
    bool have_esr = false;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        static const char *const keys[] = { "esr", NULL };
        sm_check_keys(L, 4, "inject", keys);
        have_esr = sm_opt_u64(L, 4, "esr", &esr);
    }
    if (have_esr)
        snprintf(spec, sizeof spec, "%s@%s,esr=0x%" PRIx64, kind, where, esr);
    else
        snprintf(spec, sizeof spec, "%s@%s", kind, where);
    sim_injection inj;
    if (!inject_parse(spec, &inj, err, sizeof err) || !machine_add_injection(sm->m, &inj, err, sizeof err))
        return luaL_error(L, "%s", strncmp(err, "--", 2) == 0 ? err + 2 : err);
    return 0;
}

/* m:clear(kind): drop an asserted interrupt line, a pending SError, or a
 * virtual one's HCR_EL2 bit (in the CPU's HCR_EL2 as it is now). */
static int l_clear(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    static const char *const kinds[] = { "irq", "fiq", "serror", "virq", "vfiq", "vserror", NULL };
    switch (luaL_checkoption(L, 2, NULL, kinds)) {
    case 0: a64_set_irq(c, false); break;
    case 1: a64_set_fiq(c, false); break;
    case 2: a64_set_serror(c, false, 0); break;
    case 3: c->sr[SR_HCR_EL2] &= ~HCR_EL2_VI; break;
    case 4: c->sr[SR_HCR_EL2] &= ~HCR_EL2_VF; break;
    default: c->sr[SR_HCR_EL2] &= ~HCR_EL2_VSE; break;
    }
    return 0;
}

/* m:async(): every asynchronous exception with its fate. */
static int l_async(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    static const char *const fates[] = { "pending", "taken", "deferred", "host" };
    sim_machine *m = sm->m;
    lua_createtable(L, (int)m->nrec, 0);
    for (unsigned i = 0; i < m->nrec; i++) {
        const sim_async_record *r = &m->rec[i];
        lua_createtable(L, 0, 12);
        lua_pushstring(L, inject_kind_name(r->kind));
        lua_setfield(L, -2, "kind");
        lua_pushstring(L, fates[r->fate]);
        lua_setfield(L, -2, "fate");
        sm_set_int(L, "at_pc", r->at_pc);
        sm_set_int(L, "at_insn", r->at_insn);
        sm_set_int(L, "at_cycle", r->at_cycle);
        if (r->fate != AFATE_PENDING) {
            sm_set_int(L, "el", r->el);
            sm_set_int(L, "fate_insn", r->fate_insn);
        }
        if (r->fate == AFATE_TAKEN) {
            sm_set_int(L, "vector", r->vector);
            sm_set_int(L, "elr", r->elr);
        }
        if (r->injection >= 0)
            lua_pushstring(L, m->inj[r->injection].spec);
        else
            lua_pushstring(L, r->source ? r->source : "code");
        lua_setfield(L, -2, "source");
        lua_pushboolean(L, r->injection >= 0);
        lua_setfield(L, -2, "injected");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* ---- counters, console ---- */

/* m:insns([el]): instructions retired (at one EL) */
static int l_insns(lua_State *L)
{
    a64_cpu *c = &sm_check(L, 1)->m->cpu;
    if (lua_isnoneornil(L, 2)) {
        sm_push_u64(L, c->insns);
    } else {
        lua_Integer el = luaL_checkinteger(L, 2);
        luaL_argcheck(L, el >= 0 && el <= 2, 2, "EL 0, 1 or 2");
        sm_push_u64(L, c->insns_el[el]);
    }
    return 1;
}

static int l_cycles(lua_State *L)
{
    sm_push_u64(L, sm_check(L, 1)->m->cpu.cycles);
    return 1;
}

static int l_console(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    if (sm->console)
        fflush(sm->console);
    lua_pushlstring(L, sm->cbuf ? sm->cbuf : "", sm->clen);
    return 1;
}

const luaL_Reg script_state_methods[] = {
    { "reg", l_reg },
    { "set_reg", l_set_reg },
    { "pc", l_pc },
    { "el", l_el },
    { "sysreg", l_sysreg },
    { "set_sysreg", l_set_sysreg },
    { "vreg", l_vreg },
    { "set_vreg", l_set_vreg },
    { "read8", l_read8 },
    { "read16", l_read16 },
    { "read32", l_read32 },
    { "read64", l_read64 },
    { "write8", l_write8 },
    { "write16", l_write16 },
    { "write32", l_write32 },
    { "write64", l_write64 },
    { "read", l_read },
    { "write", l_write },
    { "guest_reg", l_guest_reg },
    { "set_guest_reg", l_set_guest_reg },
    { "symbol", l_symbol },
    { "symbolize", l_symbolize },
    { "inject", l_inject },
    { "clear", l_clear },
    { "async", l_async },
    { "insns", l_insns },
    { "cycles", l_cycles },
    { "console", l_console },
    { NULL, NULL },
};
