/* sim/script_hooks.c: registering a scenario's hooks: on an address (every
 * arrival or the n-th), on an instruction or cycle count, on exception
 * entries and returns, on world-switch exits. script_run.c delivers them. */
#include <lauxlib.h>

#include "script_machine.h"

static int ref_fn(lua_State *L, int idx)
{
    luaL_checktype(L, idx, LUA_TFUNCTION);
    lua_pushvalue(L, idx);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* m:on(where, fn [, {hit=n}]): fn(hits) when the CPU is about to execute
 * the instruction at `where` (every time, or only the n-th time). */
static int l_on(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t a = sm_where(L, sm, 2);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    uint64_t only = 0;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        lua_getfield(L, 4, "hit");
        only = (uint64_t)luaL_optinteger(L, -1, 0);
        lua_pop(L, 1);
    }
    if (sm->nhooks == SM_MAX_HOOKS)
        return luaL_error(L, "at most %d address hooks", SM_MAX_HOOKS);
    sm->hooks[sm->nhooks++] = (sm_hook){ .addr = a, .only = only, .fn = LUA_NOREF };
    if (!sm_bkpt_room(sm)) {
        sm->nhooks--;
        return sm_no_room(L);
    }
    sm->bkpt_dirty = true;
    sm->hooks[sm->nhooks - 1].fn = ref_fn(L, 3);
    return 0;
}

static int add_oneshot(lua_State *L, bool insn)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t at = (uint64_t)luaL_checkinteger(L, 2);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    if (sm->noneshots == SM_MAX_ONESHOTS)
        return luaL_error(L, "at most %d cycle and instruction hooks", SM_MAX_ONESHOTS);
    sm->oneshots[sm->noneshots++] = (sm_oneshot){ .insn = insn, .at = at, .fn = ref_fn(L, 3) };
    return 0;
}

/* m:at_cycle(n, fn): fn(cycles) once, when the cycle count reaches n */
static int l_at_cycle(lua_State *L) { return add_oneshot(L, false); }
/* m:at_insn(n, fn): fn(insns) once, when n instructions have retired */
static int l_at_insn(lua_State *L) { return add_oneshot(L, true); }

static int add_fn(lua_State *L, int *fns, unsigned *n, const char *what)
{
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (*n == SM_MAX_FNS)
        return luaL_error(L, "at most %d %s hooks", SM_MAX_FNS, what);
    fns[(*n)++] = ref_fn(L, 2);
    return 0;
}

/* m:on_exception(fn): fn(ev) after every exception entry */
static int l_on_exception(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    return add_fn(L, sm->on_exc, &sm->nexc, "on_exception");
}

/* m:on_return(fn): fn(ev) after every exception return (ERET) */
static int l_on_return(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    return add_fn(L, sm->on_ret, &sm->nret, "on_return");
}

/* m:on_exit(fn): fn(e) when __guest_enter returns, before the harness
 * handles the exit */
static int l_on_exit(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    if (!sm->world)
        return luaL_error(L, "on_exit: only a world-switch machine (elsim.world) has exits");
    add_fn(L, sm->on_exit, &sm->nexit, "on_exit");
    sm->bkpt_dirty = true;
    if (!sm_bkpt_room(sm)) {
        luaL_unref(L, LUA_REGISTRYINDEX, sm->on_exit[--sm->nexit]);
        return sm_no_room(L);
    }
    return 0;
}

static void unref_all(lua_State *L, int *fns, unsigned *n)
{
    for (unsigned i = 0; i < *n; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, fns[i]);
    *n = 0;
}

/* m:clear_hooks(): forget every hook of this machine */
static int l_clear_hooks(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    if (sm->in_hook)
        return luaL_error(L, "clear_hooks: not from inside a hook");
    for (unsigned i = 0; i < sm->nhooks; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, sm->hooks[i].fn);
    sm->nhooks = 0;
    for (unsigned i = 0; i < sm->noneshots; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, sm->oneshots[i].fn);
    sm->noneshots = 0;
    unref_all(L, sm->on_exc, &sm->nexc);
    unref_all(L, sm->on_ret, &sm->nret);
    unref_all(L, sm->on_exit, &sm->nexit);
    sm->bkpt_dirty = true;
    return 0;
}

const luaL_Reg script_hook_methods[] = {
    { "on", l_on },
    { "at_cycle", l_at_cycle },
    { "at_insn", l_at_insn },
    { "on_exception", l_on_exception },
    { "on_return", l_on_return },
    { "on_exit", l_on_exit },
    { "clear_hooks", l_clear_hooks },
    { NULL, NULL },
};
