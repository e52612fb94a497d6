/* sim/script_machine.h: what the scenario-script files share: the machine
 * object a script holds (a bare or world-switch machine with its hooks) and
 * the functions each file provides to the others. Private to sim/script*.c. */
#ifndef SIM_SCRIPT_MACHINE_H
#define SIM_SCRIPT_MACHINE_H

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "harness.h"
#include "machine.h"
#include "options.h"

#define SM_METATABLE "elsim.machine"
#define SNAP_METATABLE "elsim.snapshot"
#define SM_MAX_HOOKS 64
#define SM_MAX_ONESHOTS 64
#define SM_MAX_FNS 8
#define SM_MAX_EVENTS 16

/* An instruction boundary: where a hook last fired, so that it fires once
 * per arrival however often the run pauses there. */
typedef struct sm_boundary {
    bool valid;
    uint64_t insns, cycles;
} sm_boundary;

/* A hook on an address: fn(hits) each time the CPU is about to execute it
 * (only the hit-th time when `only` is non-zero). fn is a registry ref. */
typedef struct sm_hook {
    uint64_t addr;
    int fn;
    uint64_t hits, only;
    sm_boundary last;
} sm_hook;

/* A one-shot hook on an instruction count or a cycle count. */
typedef struct sm_oneshot {
    bool insn;
    bool done;
    uint64_t at;
    int fn;
} sm_oneshot;

/* An exception entry or return seen by the CPU, delivered to the script at
 * the next instruction boundary (the run stops right after it). */
typedef struct sm_event {
    bool is_return;
    uint8_t el, from_el;
    bool illegal;
    uint64_t vector, elr, esr, spsr, far, pc;
} sm_event;

/* What a snapshot puts back besides the machine: the harness and whether
 * the run has ended (bare runs: with which stop). */
typedef struct sm_state {
    harness h;
    bool ended;
    int stop;
} sm_state;

typedef struct script_machine {
    sim_machine *m;
    sm_state *st;
    bool world;
    bool allow_unfired;
    sim_hooks inner;           /* the harness's hooks, chained */
    lua_State *L;
    uint64_t insn_limit, cycle_limit; /* the run's own limits */
    /* hooks */
    sm_hook hooks[SM_MAX_HOOKS];
    unsigned nhooks;
    sm_oneshot oneshots[SM_MAX_ONESHOTS];
    unsigned noneshots;
    int on_exc[SM_MAX_FNS], on_ret[SM_MAX_FNS], on_exit[SM_MAX_FNS];
    unsigned nexc, nret, nexit;
    sm_event events[SM_MAX_EVENTS];
    unsigned nevents;
    uint64_t exits_seen;
    sm_boundary exit_last;
    /* the current run call */
    bool in_run, in_hook, stop_req, bkpt_dirty;
    bool has_target;
    uint64_t target;
    uint64_t step_to;
    /* the guest console (world mode), captured and optionally echoed */
    FILE *console;
    char *cbuf;
    size_t clen, ccap;
    bool echo;
    bool counted;              /* in script_machine_born's count */
    /* the hyp (or bare program) and guest files; the harness keeps
     * pointers to these copies */
    char hyp_path[1024], guest_path[1024];
} script_machine;

/* script.c */
/* A file named by a script: the script's folder, then ELSIM_PATH, then as
 * given. Returns buf (or name itself when nothing matched). */
const char *script_find_file(lua_State *L, const char *name, char *buf, size_t len);
const sim_options *script_options(lua_State *L);
/* The stream machines built with trace = true (or --trace) write to. */
FILE *script_trace_file(lua_State *L);
/* Count a new machine (an error when too many are alive) / a freed one. */
void script_machine_born(lua_State *L);
void script_machine_died(lua_State *L);
/* --gdb: the debugger's stub for the first machine built (NULL after). */
struct gdb_stub *script_take_gdb(lua_State *L);

/* script_machine.c */
void script_open_machine(lua_State *L);
script_machine *sm_check(lua_State *L, int idx);
/* Push a 64-bit value as a Lua integer (wrapping above 2^63). */
void sm_push_u64(lua_State *L, uint64_t v);
/* t[k] = v for the table on top of the stack. */
void sm_set_int(lua_State *L, const char *k, uint64_t v);
/* Options tables: t[key] as an integer (false when absent), and an error
 * for any key not in the NULL-terminated `known`. */
bool sm_opt_u64(lua_State *L, int t, const char *key, uint64_t *out);
void sm_check_keys(lua_State *L, int t, const char *fn, const char *const *known);

/* script_state.c */
extern const luaL_Reg script_state_methods[];
/* A code address: integer, "0x..", "symbol", "symbol+N" or "symbol-N". */
uint64_t sm_where(lua_State *L, script_machine *sm, int idx);

/* script_run.c */
extern const luaL_Reg script_run_methods[];
/* Install the hook chain once the machine (and harness) exist. */
void sm_install_hooks(script_machine *sm);
/* Push the result table of the machine's run so far. */
void sm_push_result(lua_State *L, script_machine *sm);
/* Whether every hooked address fits the CPU's breakpoints; the error. */
bool sm_bkpt_room(const script_machine *sm);
int sm_no_room(lua_State *L);

/* script_hooks.c */
extern const luaL_Reg script_hook_methods[];

/* script_snapshot.c */
extern const luaL_Reg script_snapshot_methods[];
void script_open_snapshots(lua_State *L);

#endif
