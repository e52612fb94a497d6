/* sim/script_machine.c: the machines a scenario builds (elsim.world for a
 * hyp and a guest, elsim.bare for a program), their options, the guest
 * console, the properties (m.fw, m.layout...) and the `elsim` table. */
#include <inttypes.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "regs.h"
#include "script_machine.h"
#include "trace.h"

/* Console bytes kept per machine; more is dropped (a runaway guest). */
#define CONSOLE_CAP (1u << 20)

void sm_push_u64(lua_State *L, uint64_t v) { lua_pushinteger(L, (lua_Integer)v); }

script_machine *sm_check(lua_State *L, int idx)
{
    script_machine *sm = luaL_checkudata(L, idx, SM_METATABLE);
    if (!sm->m)
        luaL_error(L, "machine is not initialised");
    return sm;
}

void sm_set_int(lua_State *L, const char *k, uint64_t v)
{
    sm_push_u64(L, v);
    lua_setfield(L, -2, k);
}

/* ---- options tables ---- */

static const char *opt_string(lua_State *L, int t, const char *key, const char *def)
{
    lua_getfield(L, t, key);
    const char *s = def;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "option %s: expected a string", key);
        s = lua_tostring(L, -1);
    }
    lua_pop(L, 1); // the string stays alive in the options table
    return s;
}

bool sm_opt_u64(lua_State *L, int t, const char *key, uint64_t *out)
{
    lua_getfield(L, t, key);
    bool have = !lua_isnil(L, -1);
    if (have) {
        int isnum;
        lua_Integer v = lua_tointegerx(L, -1, &isnum);
        if (!isnum)
            luaL_error(L, "option %s: expected an integer", key);
        *out = (uint64_t)v;
    }
    lua_pop(L, 1);
    return have;
}

static bool opt_bool(lua_State *L, int t, const char *key, bool def)
{
    lua_getfield(L, t, key);
    bool v = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Only these keys: a misspelt option must not be silently ignored. */
void sm_check_keys(lua_State *L, int t, const char *fn, const char *const *known)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        bool ok = false;
        for (unsigned i = 0; k && known[i]; i++)
            ok |= strcmp(k, known[i]) == 0;
        if (!ok)
            luaL_error(L, "%s: unknown option '%s'", fn, k ? k : luaL_typename(L, -1));
    }
}

/* ---- the guest console: captured for m:console(), echoed on request ---- */

static ssize_t console_write(void *cookie, const char *buf, size_t n)
{
    script_machine *sm = cookie;
    if (sm->echo)
        fwrite(buf, 1, n, stdout);
    size_t keep = n;
    if (sm->clen + keep > CONSOLE_CAP)
        keep = CONSOLE_CAP - sm->clen;
    if (sm->clen + keep > sm->ccap) {
        size_t cap = sm->ccap ? sm->ccap : 256;
        while (cap < sm->clen + keep)
            cap *= 2;
        char *nb = realloc(sm->cbuf, cap);
        if (!nb)
            return (ssize_t)n; // drop the text, not the run
        sm->cbuf = nb;
        sm->ccap = cap;
    }
    memcpy(sm->cbuf + sm->clen, buf, keep);
    sm->clen += keep;
    return (ssize_t)n;
}

/* ---- construction ---- */

static script_machine *new_machine(lua_State *L)
{
    script_machine *sm = lua_newuserdatauv(L, sizeof *sm, 0);
    memset(sm, 0, sizeof *sm);
    luaL_setmetatable(L, SM_METATABLE);
    script_machine_born(L);
    sm->counted = true;
    sm->L = L;
    sm->m = malloc(sizeof *sm->m);
    sm->st = calloc(1, sizeof *sm->st);
    if (!sm->m || !sm->st || !machine_init(sm->m)) {
        free(sm->m);
        sm->m = NULL;
        luaL_error(L, "out of memory");
    }
    sm->step_to = UINT64_MAX;
    sm->m->gdb = script_take_gdb(L);
    return sm;
}

/* Model, recognition policy, RAM and limits, as main.c's configure does
 * for the command line, with the options table's values first. */
static void configure(lua_State *L, script_machine *sm, int t)
{
    const sim_options *o = script_options(L);
    sim_machine *m = sm->m;
    char err[512], buf[1024];
    const char *model = opt_string(L, t, "model", o->model);
    size_t n = strlen(model);
    if (strchr(model, '/') || (n > 4 && strcmp(model + n - 4, ".lua") == 0))
        model = script_find_file(L, model, buf, sizeof buf);
    const char *take = opt_string(L, t, "async_take", o->async_take);
    if (!machine_use_model(m, model, take, err, sizeof err))
        luaL_error(L, "%s", err);
    for (unsigned i = 0; i < o->nrams; i++)
        if (!machine_add_ram(m, o->rams[i].addr, o->rams[i].len, err, sizeof err))
            luaL_error(L, "%s", err);
    sm->insn_limit = o->max_insns;
    sm->cycle_limit = o->max_cycles;
    sm_opt_u64(L, t, "max_insns", &sm->insn_limit);
    sm_opt_u64(L, t, "max_cycles", &sm->cycle_limit);
    m->insn_limit = sm->insn_limit;
    m->cycle_limit = sm->cycle_limit;
    sm->allow_unfired = opt_bool(L, t, "allow_unfired", o->allow_unfired);
    if (opt_bool(L, t, "trace", o->trace)) {
        m->trace = trace_new(script_trace_file(L), false);
        if (!m->trace)
            luaL_error(L, "out of memory");
        trace_set_format(m->trace, (enum trace_format)o->trace_format);
    }
}

/* --inject on the command line applies to every machine the script
 * builds, once its ELF files are loaded (symbols resolve against them). */
static void cli_injections(lua_State *L, script_machine *sm)
{
    const sim_options *o = script_options(L);
    char err[512];
    for (unsigned i = 0; i < o->ninject; i++)
        if (!machine_add_injection(sm->m, &o->inject[i], err, sizeof err))
            luaL_error(L, "%s", err);
}

/* elsim.world{hyp=, guest=, model=, async_take=, echo=, max_insns=, ...} */
static int l_world(lua_State *L)
{
    static const char *const keys[] = { "hyp", "guest", "model", "async_take", "echo", "max_insns",
                                        "max_cycles", "allow_unfired", "trace", NULL };
    luaL_checktype(L, 1, LUA_TTABLE);
    sm_check_keys(L, 1, "elsim.world", keys);
    const sim_options *o = script_options(L);
    const char *hyp = opt_string(L, 1, "hyp", o->elf);
    const char *guest = opt_string(L, 1, "guest", o->guest);
    if (!hyp || !guest)
        return luaL_error(L, "elsim.world: needs hyp= and guest= (or --elf and --guest)");
    script_machine *sm = new_machine(L);
    configure(L, sm, 1);
    sm->echo = opt_bool(L, 1, "echo", false);
    char buf[1024];
    snprintf(sm->hyp_path, sizeof sm->hyp_path, "%s", script_find_file(L, hyp, buf, sizeof buf));
    snprintf(sm->guest_path, sizeof sm->guest_path, "%s", script_find_file(L, guest, buf, sizeof buf));
    sm->console = fopencookie(sm, "w", (cookie_io_functions_t){ .write = console_write });
    if (!sm->console)
        return luaL_error(L, "out of memory");
    char err[512];
    if (!harness_init(&sm->st->h, sm->m, sm->hyp_path, sm->guest_path, sm->console, err, sizeof err))
        return luaL_error(L, "%s", err);
    sm->world = true;
    cli_injections(L, sm);
    sm_install_hooks(sm);
    return 1;
}

/* elsim.bare{elf=, el=, entry=, sp=, hcr=, model=, async_take=, firmware_hvc=, ...} */
static int l_bare(lua_State *L)
{
    static const char *const keys[] = { "elf", "el", "entry", "sp", "hcr", "model", "async_take",
                                        "firmware_hvc", "max_insns", "max_cycles", "allow_unfired",
                                        "trace", NULL };
    luaL_checktype(L, 1, LUA_TTABLE);
    sm_check_keys(L, 1, "elsim.bare", keys);
    const sim_options *o = script_options(L);
    const char *elf = opt_string(L, 1, "elf", o->elf);
    if (!elf)
        return luaL_error(L, "elsim.bare: needs elf= (or --elf)");
    uint64_t el = o->el;
    sm_opt_u64(L, 1, "el", &el);
    if (el != 1 && el != 2)
        return luaL_error(L, "elsim.bare: el must be 1 or 2");
    script_machine *sm = new_machine(L);
    int self = lua_gettop(L);
    configure(L, sm, 1);
    char err[512];
    const sim_image *img =
        machine_load(sm->m, script_find_file(L, elf, sm->hyp_path, sizeof sm->hyp_path), err, sizeof err);
    if (!img)
        return luaL_error(L, "%s", err);
    uint64_t pc = img->entry, sp = o->sp;
    lua_getfield(L, 1, "entry");
    if (lua_isnil(L, -1) && o->entry) {
        lua_pop(L, 1);
        lua_pushstring(L, o->entry);
    }
    if (!lua_isnil(L, -1))
        pc = sm_where(L, sm, lua_gettop(L));
    lua_pop(L, 1);
    sm_opt_u64(L, 1, "sp", &sp);
    machine_start(sm->m, (unsigned)el, pc, sp);
    uint64_t hcr = o->hcr;
    if (sm_opt_u64(L, 1, "hcr", &hcr) || o->have_hcr)
        sm->m->cpu.sr[SR_HCR_EL2] = hcr | (el < 2 ? HCR_EL2_RW : 0);
    // a run at EL1 has no EL2 code unless the script installs some
    machine_set_hvc_conduit(sm->m, opt_bool(L, 1, "firmware_hvc", el == 1));
    cli_injections(L, sm);
    sm_install_hooks(sm);
    lua_settop(L, self);
    return 1;
}

/* ---- properties: m.fw, m.vcpu, m.layout ... ---- */

static void push_layout(lua_State *L, script_machine *sm)
{
    const harness *h = &sm->st->h;
    const hyp_profile *p = &h->prof;
    lua_createtable(L, 0, 24);
    lua_pushstring(L, p->name ? p->name : "");
    lua_setfield(L, -2, "profile");
    sm_set_int(L, "vector", p->vector);
    sm_set_int(L, "guest_enter", p->guest_enter);
    sm_set_int(L, "guest_exit", p->guest_exit);
    sm_set_int(L, "panic", p->panic);
    sm_set_int(L, "window_start", p->window_start);
    sm_set_int(L, "window_end", p->window_end);
    sm_set_int(L, "host_data", p->host_data);
    sm_set_int(L, "ssbd_flag", p->ssbd_flag);
    sm_set_int(L, "vcpu_context", p->vcpu_context);
    sm_set_int(L, "cpu_sp_el0", p->cpu_sp_el0);
    sm_set_int(L, "cpu_fp_regs", p->cpu_fp_regs);
    sm_set_int(L, "vcpu_fault_disr", p->vcpu_fault_disr);
    sm_set_int(L, "vcpu_workaround_flags", p->vcpu_workaround_flags);
    sm_set_int(L, "vcpu_hcr", p->vcpu_hcr);
    sm_set_int(L, "host_context", p->host_context);
    sm_set_int(L, "host_running_vcpu", p->host_running_vcpu);
    sm_set_int(L, "exit_irq", p->exit_irq);
    sm_set_int(L, "exit_el1_serror", p->exit_el1_serror);
    sm_set_int(L, "exit_trap", p->exit_trap);
    sm_set_int(L, "exit_il", p->exit_il);
    sm_set_int(L, "serror_bit", p->serror_bit);
}

static int l_index(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1)); // the methods
    if (!lua_isnil(L, -1))
        return 1;
    const char *k = lua_tostring(L, 2);
    if (!k)
        return 0;
    if (strcmp(k, "fw") == 0) {
        lua_createtable(L, 0, 2);
        sm_set_int(L, "calls", sm->m->fw.calls);
        sm_set_int(L, "last_fid", sm->m->fw.last_fid);
        return 1;
    }
    if (strcmp(k, "world") == 0) {
        lua_pushboolean(L, sm->world);
        return 1;
    }
    if (!sm->world)
        return 0;
    if (strcmp(k, "vcpu") == 0)
        sm_push_u64(L, sm->st->h.vcpu);
    else if (strcmp(k, "host_ctxt") == 0)
        sm_push_u64(L, sm->st->h.host_ctxt);
    else if (strcmp(k, "sentinel") == 0)
        sm_push_u64(L, sm->st->h.sentinel);
    else if (strcmp(k, "layout") == 0)
        push_layout(L, sm);
    else
        return 0;
    return 1;
}

static int l_gc(lua_State *L)
{
    script_machine *sm = luaL_checkudata(L, 1, SM_METATABLE);
    if (sm->m && sm->m->trace) {
        trace_free(sm->m->trace);
        sm->m->trace = NULL;
    }
    if (sm->console)
        fclose(sm->console);
    sm->console = NULL;
    if (sm->m) {
        machine_fini(sm->m);
        free(sm->m);
        sm->m = NULL;
    }
    free(sm->st);
    sm->st = NULL;
    free(sm->cbuf);
    sm->cbuf = NULL;
    if (sm->counted)
        script_machine_died(L);
    sm->counted = false;
    return 0;
}

static int l_tostring(lua_State *L)
{
    script_machine *sm = luaL_checkudata(L, 1, SM_METATABLE);
    if (sm->world)
        lua_pushfstring(L, "elsim world machine (%s, %s)", sm->hyp_path, sm->guest_path);
    else
        lua_pushfstring(L, "elsim bare machine (%s)", sm->hyp_path);
    return 1;
}

void script_open_machine(lua_State *L)
{
    luaL_newmetatable(L, SM_METATABLE);
    lua_newtable(L); // the methods
    luaL_setfuncs(L, script_state_methods, 0);
    luaL_setfuncs(L, script_run_methods, 0);
    luaL_setfuncs(L, script_hook_methods, 0);
    luaL_setfuncs(L, script_snapshot_methods, 0);
    lua_pushcclosure(L, l_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, l_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);
    script_open_snapshots(L);

    static const luaL_Reg lib[] = { { "world", l_world }, { "bare", l_bare }, { NULL, NULL } };
    luaL_newlib(L, lib);
    lua_setglobal(L, "elsim");
}
