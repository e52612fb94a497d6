/* sim/script_snapshot.c: m:snapshot() and m:restore(s): the machine, the
 * harness and the run's end state, taken and put back any number of times;
 * the script's own hooks are not part of a snapshot. */
#include <lauxlib.h>

#include "script_machine.h"
#include "snapshot.h"

typedef struct script_snap {
    sim_snapshot *s;
    const script_machine *owner;
} script_snap;

/* m:snapshot() -> s: the machine, its injections and records, the harness
 * and whether the run ended. Hooks, hit counts and the console text are
 * the script's and are not part of it. */
static int l_snapshot(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    script_snap *sn = lua_newuserdatauv(L, sizeof *sn, 1);
    sn->s = NULL;
    sn->owner = sm;
    luaL_setmetatable(L, SNAP_METATABLE);
    lua_pushvalue(L, 1); // keep the machine alive while its snapshot is
    lua_setiuservalue(L, -2, 1);
    sn->s = snapshot_take(sm->m, sm->st, sizeof *sm->st);
    if (!sn->s)
        return luaL_error(L, "snapshot: out of memory");
    return 1;
}

/* m:restore(s): put the machine back as it was when s was taken */
static int l_restore(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    script_snap *sn = luaL_checkudata(L, 2, SNAP_METATABLE);
    if (sn->owner != sm)
        return luaL_error(L, "restore: the snapshot belongs to another machine");
    if (sm->in_hook || sm->in_run)
        return luaL_error(L, "restore: not while the machine runs (from a hook)");
    snapshot_restore(sn->s, sm->m);
    // the snapshot carried the CPU's breakpoint list of its time, and the
    // restore dropped all decoded code: set ours again before running
    sm->m->cpu.nbkpt = 0;
    sm->bkpt_dirty = true;
    sm->nevents = 0;
    // standing at a boundary again: its hooks are due as on any arrival
    for (unsigned i = 0; i < sm->nhooks; i++)
        sm->hooks[i].last.valid = false;
    sm->exit_last.valid = false;
    return 0;
}

static int l_snap_gc(lua_State *L)
{
    script_snap *sn = luaL_checkudata(L, 1, SNAP_METATABLE);
    snapshot_free(sn->s);
    sn->s = NULL;
    return 0;
}

const luaL_Reg script_snapshot_methods[] = {
    { "snapshot", l_snapshot },
    { "restore", l_restore },
    { NULL, NULL },
};

void script_open_snapshots(lua_State *L)
{
    luaL_newmetatable(L, SNAP_METATABLE);
    lua_pushcfunction(L, l_snap_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
}
