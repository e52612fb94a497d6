/* sim/script_run.c: running a scenario's machine (run, run_to, step), its
 * hooks on addresses, cycles, exceptions and world-switch exits, all
 * delivered at instruction boundaries, results and snapshots. */
#include <inttypes.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "regs.h"
#include "report.h"
#include "script_machine.h"
#include "syndrome.h"

static const int reg_elr[3] = { SR_ELR_EL1, SR_ELR_EL1, SR_ELR_EL2 };
static const int reg_esr[3] = { SR_ESR_EL1, SR_ESR_EL1, SR_ESR_EL2 };
static const int reg_spsr[3] = { SR_SPSR_EL1, SR_SPSR_EL1, SR_SPSR_EL2 };
static const int reg_far[3] = { SR_FAR_EL1, SR_FAR_EL1, SR_FAR_EL2 };
static const int reg_vbar[3] = { SR_VBAR_EL1, SR_VBAR_EL1, SR_VBAR_EL2 };

/* ---- the hook chain: the harness's hooks first, then ours ---- */

static bool chain_smc(void *ctx, a64_cpu *c, uint16_t imm)
{
    script_machine *sm = ctx;
    return sm->inner.smc && sm->inner.smc(sm->inner.ctx, c, imm);
}

/* Exception events stop the run at the next boundary, so that hooks see a
 * whole instruction's effects and may change any state (the CPU is between
 * two instructions, not inside one). */
static void queue_event(script_machine *sm, a64_cpu *c, const sm_event *ev)
{
    if (sm->nevents < SM_MAX_EVENTS)
        sm->events[sm->nevents++] = *ev;
    if (!c->stop)
        c->stop = A64_STOP_BREAK;
}

static void chain_entry(void *ctx, a64_cpu *c, unsigned from_el)
{
    script_machine *sm = ctx;
    if (sm->inner.on_entry)
        sm->inner.on_entry(sm->inner.ctx, c, from_el);
    // an exception came before the instruction a resume was allowed to
    // execute: arriving there again later is a new arrival for the hooks
    c->bkpt_resume = UINT64_MAX;
    if (!sm->nexc || !sm->in_run)
        return;
    unsigned el = c->ps.el;
    sm_event ev = { .el = (uint8_t)el, .from_el = (uint8_t)from_el, .vector = c->last_vector,
                    .elr = c->sr[reg_elr[el]], .esr = c->sr[reg_esr[el]], .spsr = c->sr[reg_spsr[el]],
                    .far = c->sr[reg_far[el]], .pc = c->pc };
    queue_event(sm, c, &ev);
}

static void chain_eret(void *ctx, a64_cpu *c, unsigned from_el)
{
    script_machine *sm = ctx;
    if (sm->inner.on_eret)
        sm->inner.on_eret(sm->inner.ctx, c, from_el);
    if (!sm->nret || !sm->in_run)
        return;
    sm_event ev = { .is_return = true, .el = c->ps.el, .from_el = (uint8_t)from_el, .illegal = c->ps.il,
                    .elr = c->sr[reg_elr[from_el]], .spsr = c->sr[reg_spsr[from_el]], .pc = c->next_pc };
    queue_event(sm, c, &ev);
}

void sm_install_hooks(script_machine *sm)
{
    sm->inner = sm->m->hooks;
    sm->m->hooks = (sim_hooks){ .ctx = sm, .smc = chain_smc, .on_entry = chain_entry, .on_eret = chain_eret };
    sm->bkpt_dirty = true;
}

/* ---- breakpoints: the harness's panic, the exit sentinel, hooks, run_to ---- */

static unsigned add_unique(uint64_t *list, unsigned n, uint64_t a)
{
    for (unsigned i = 0; i < n; i++)
        if (list[i] == a)
            return n;
    if (n < 2 * A64_MAX_BREAKPOINTS)
        list[n++] = a;
    return n;
}

static unsigned wanted(const script_machine *sm, uint64_t *list)
{
    unsigned n = 0;
    if (sm->world) {
        n = add_unique(list, n, sm->st->h.prof.panic);
        if (sm->nexit)
            n = add_unique(list, n, sm->st->h.sentinel);
    }
    for (unsigned i = 0; i < sm->nhooks; i++)
        n = add_unique(list, n, sm->hooks[i].addr);
    if (sm->has_target)
        n = add_unique(list, n, sm->target);
    return n;
}

/* The CPU has A64_MAX_BREAKPOINTS: an address that would need more is
 * refused when it is asked for. */
bool sm_bkpt_room(const script_machine *sm)
{
    uint64_t list[2 * A64_MAX_BREAKPOINTS];
    return wanted(sm, list) <= A64_MAX_BREAKPOINTS;
}

int sm_no_room(lua_State *L)
{
    return luaL_error(L, "too many hooked addresses: the CPU has %d breakpoints (the harness's panic "
                         "and exit hooks use one each)", A64_MAX_BREAKPOINTS);
}

static void bkpt_sync(script_machine *sm)
{
    if (!sm->bkpt_dirty)
        return;
    uint64_t list[2 * A64_MAX_BREAKPOINTS];
    unsigned n = wanted(sm, list);
    a64_cpu *c = &sm->m->cpu;
    a64_clear_breakpoints(c);
    for (unsigned i = 0; i < n && i < A64_MAX_BREAKPOINTS; i++)
        a64_set_breakpoint(c, list[i]);
    sm->bkpt_dirty = false;
}

static bool is_bp(const a64_cpu *c, uint64_t a)
{
    for (unsigned i = 0; i < c->nbkpt; i++)
        if (c->bkpt[i] == a)
            return true;
    return false;
}

/* The CPU stands at a boundary with a meaningful pc: always in a bare run;
 * in a world run only while __guest_enter is in progress (between entries
 * the harness has not yet set the pc of the next one). */
static bool pc_valid(const script_machine *sm)
{
    return !sm->world || sm->st->h.mid_entry;
}

/* ---- one stretch of running ---- */

static bool own_limit(const script_machine *sm)
{
    const a64_cpu *c = &sm->m->cpu;
    return c->insns < sm->insn_limit && c->cycles < sm->cycle_limit;
}

/* Run until the machine pauses (a hooked address, an exception event, the
 * instruction or cycle count a hook or step waits for) or its run ends.
 * Those counts are met by lowering the machine's limits for the stretch. */
static void segment(script_machine *sm)
{
    sim_machine *m = sm->m;
    a64_cpu *c = &m->cpu;
    sm_state *st = sm->st;
    bkpt_sync(sm);
    uint64_t il = sm->insn_limit, cl = sm->cycle_limit;
    if (sm->step_to < il)
        il = sm->step_to;
    for (unsigned i = 0; i < sm->noneshots; i++) {
        const sm_oneshot *o = &sm->oneshots[i];
        if (!o->done && o->insn && o->at < il)
            il = o->at;
        if (!o->done && !o->insn && o->at < cl)
            cl = o->at;
    }
    m->insn_limit = il;
    m->cycle_limit = cl;
    // hooks at this address were delivered at this boundary: execute it
    if (pc_valid(sm) && is_bp(c, c->pc))
        c->bkpt_resume = c->pc;
    if (sm->world) {
        harness *h = &st->h;
        if (harness_run(h) == HRUN_DONE) {
            if (h->end == HEND_LIMIT && own_limit(sm)) {
                h->end = HEND_RUNNING; // our pause, not the run's limit
                h->why[0] = 0;
            } else {
                st->ended = true;
            }
        }
    } else {
        int stop = machine_run(m);
        if (stop == A64_STOP_BREAK || (stop == A64_STOP_LIMIT && own_limit(sm))) {
            c->stop = A64_RUNNING;
        } else {
            st->ended = true;
            st->stop = stop;
        }
    }
    m->insn_limit = sm->insn_limit;
    m->cycle_limit = sm->cycle_limit;
}

/* ---- delivering hooks ---- */

static void end_run(script_machine *sm)
{
    sm->in_run = false;
    sm->in_hook = false;
    if (sm->has_target) {
        sm->has_target = false;
        sm->bkpt_dirty = true;
    }
    sm->step_to = UINT64_MAX;
    sm->nevents = 0;
    sm->m->insn_limit = sm->insn_limit;
    sm->m->cycle_limit = sm->cycle_limit;
}

/* Call the registered function `fn` with the `nargs` values on the stack;
 * an error in it ends the run call and propagates to the script. */
static void call_hook(lua_State *L, script_machine *sm, int fn, int nargs)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    lua_insert(L, -(nargs + 1));
    sm->in_hook = true;
    int rc = lua_pcall(L, nargs, 0, 0);
    sm->in_hook = false;
    if (rc != LUA_OK) {
        end_run(sm);
        lua_error(L);
    }
}

static void push_event(lua_State *L, script_machine *sm, const sm_event *ev)
{
    static const char *const kinds[] = { "sync", "irq", "fiq", "serror" };
    lua_createtable(L, 0, 12);
    sm_set_int(L, "el", ev->el);
    sm_set_int(L, "from_el", ev->from_el);
    sm_set_int(L, "elr", ev->elr);
    sm_set_int(L, "spsr", ev->spsr);
    sm_set_int(L, "pc", ev->pc);
    if (ev->is_return) {
        lua_pushboolean(L, ev->illegal);
        lua_setfield(L, -2, "illegal");
        return;
    }
    uint64_t off = ev->vector - sm->m->cpu.sr[reg_vbar[ev->el]];
    unsigned k = (unsigned)(off >> 7) & 3;
    sm_set_int(L, "vector", ev->vector);
    sm_set_int(L, "offset", off);
    lua_pushstring(L, kinds[k]);
    lua_setfield(L, -2, "kind");
    sm_set_int(L, "far", ev->far);
    // IRQ and FIQ entries leave ESR_ELx alone: no syndrome to show
    if (k == 0 || k == 3) {
        sm_set_int(L, "esr", ev->esr);
        sm_set_int(L, "ec", ev->esr >> ESR_EC_SHIFT & 0x3f);
        sm_set_int(L, "iss", ev->esr & ESR_ISS_MASK);
    }
}

static const char *exit_name(const hyp_profile *p, uint64_t code)
{
    if (code == p->exit_irq)
        return "IRQ";
    if (code == p->exit_el1_serror)
        return "EL1_SERROR";
    if (code == p->exit_trap)
        return "TRAP";
    if (code == p->exit_il)
        return "IL";
    return "unknown";
}

/* __guest_enter is about to hand the exit to the harness: x0 is the exit
 * code, the EL2 registers still hold what the hyp left for KVM. */
static void push_exit(lua_State *L, script_machine *sm)
{
    a64_cpu *c = &sm->m->cpu;
    const hyp_profile *p = &sm->st->h.prof;
    uint64_t raw = c->x[0], bit = UINT64_C(1) << p->serror_bit;
    uint64_t esr = c->sr[SR_ESR_EL2];
    lua_createtable(L, 0, 14);
    sm_set_int(L, "n", sm->exits_seen);
    sm_set_int(L, "raw", raw);
    sm_set_int(L, "code", raw & ~bit);
    lua_pushboolean(L, (raw & bit) != 0);
    lua_setfield(L, -2, "serror");
    lua_pushstring(L, exit_name(p, raw & ~bit));
    lua_setfield(L, -2, "name");
    sm_set_int(L, "esr", esr);
    sm_set_int(L, "ec", esr >> ESR_EC_SHIFT & 0x3f);
    sm_set_int(L, "iss", esr & ESR_ISS_MASK);
    sm_set_int(L, "elr", c->sr[SR_ELR_EL2]);
    sm_set_int(L, "spsr", c->sr[SR_SPSR_EL2]);
    sm_set_int(L, "far", c->sr[SR_FAR_EL2]);
    sm_set_int(L, "hpfar", c->sr[SR_HPFAR_EL2]);
    sm_set_int(L, "hcr", c->sr[SR_HCR_EL2]);
}

static void call_all(lua_State *L, script_machine *sm, const int *fns, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        lua_pushvalue(L, -1);
        call_hook(L, sm, fns[i], 1);
    }
    lua_pop(L, 1);
}

/* True the first time a hook meets this boundary (and remembers it). */
static bool arrive(sm_boundary *b, const a64_cpu *c)
{
    if (b->valid && b->insns == c->insns && b->cycles == c->cycles)
        return false;
    *b = (sm_boundary){ true, c->insns, c->cycles };
    return true;
}

/* Everything due at the boundary the machine stands at: exception events
 * in order, the world-switch exit, the hooks on this address (once per
 * boundary), then the one-shots whose count has come. */
static void deliver(lua_State *L, script_machine *sm)
{
    a64_cpu *c = &sm->m->cpu;
    sm_state *st = sm->st;
    sm_event evs[SM_MAX_EVENTS];
    unsigned nev = sm->nevents;
    memcpy(evs, sm->events, nev * sizeof evs[0]);
    sm->nevents = 0;
    for (unsigned i = 0; i < nev; i++) {
        push_event(L, sm, &evs[i]);
        if (evs[i].is_return)
            call_all(L, sm, sm->on_ret, sm->nret);
        else
            call_all(L, sm, sm->on_exc, sm->nexc);
    }
    if (pc_valid(sm)) {
        uint64_t pc = c->pc;
        if (sm->world && sm->nexit && pc == st->h.sentinel && c->ps.el == A64_EL2 &&
            arrive(&sm->exit_last, c)) {
            sm->exits_seen++;
            push_exit(L, sm);
            call_all(L, sm, sm->on_exit, sm->nexit);
        }
        for (unsigned i = 0; i < sm->nhooks; i++) {
            sm_hook *hk = &sm->hooks[i];
            if (hk->addr != pc || !arrive(&hk->last, c))
                continue;
            hk->hits++;
            if (hk->only && hk->hits != hk->only)
                continue;
            sm_push_u64(L, hk->hits);
            call_hook(L, sm, hk->fn, 1);
        }
    }
    for (unsigned i = 0; i < sm->noneshots; i++) {
        sm_oneshot *o = &sm->oneshots[i];
        uint64_t now = o->insn ? c->insns : c->cycles;
        if (o->done || now < o->at)
            continue;
        o->done = true;
        sm_push_u64(L, now);
        call_hook(L, sm, o->fn, 1);
    }
}

enum drive_mode { D_RUN, D_RUN_TO, D_STEP };

/* The one loop behind run, run_to and step: stretches of running with the
 * hooks delivered between them. Returns whether run_to's target was
 * reached. */
static bool drive(lua_State *L, script_machine *sm, enum drive_mode mode, uint64_t arg)
{
    if (sm->in_hook)
        luaL_error(L, "a hook cannot run the machine (m:stop() ends the current run early)");
    if (sm->in_run)
        luaL_error(L, "the machine is already running");
    a64_cpu *c = &sm->m->cpu;
    sm_state *st = sm->st;
    uint64_t i0 = c->insns, c0 = c->cycles;
    bool reached = false;
    if (mode == D_RUN_TO) {
        sm->has_target = true;
        sm->target = arg;
        sm->bkpt_dirty = true;
        if (!sm_bkpt_room(sm)) {
            sm->has_target = false;
            sm_no_room(L);
        }
    }
    sm->in_run = true;
    sm->stop_req = false;
    if (mode == D_STEP)
        sm->step_to = UINT64_MAX - i0 < arg ? UINT64_MAX : i0 + arg;
    deliver(L, sm); // what is due where the machine stands (a fresh machine at its entry)
    while (!st->ended && !sm->stop_req) {
        if (mode == D_STEP && c->insns >= sm->step_to)
            break;
        segment(sm);
        deliver(L, sm);
        if (mode == D_RUN_TO && pc_valid(sm) && c->pc == arg && (c->insns != i0 || c->cycles != c0)) {
            reached = true;
            break;
        }
    }
    end_run(sm);
    return reached;
}

/* ---- results ---- */

static const char *bare_end(int stop)
{
    static const char *const names[] = { "running", "poweroff", "reset", "limit", "exception-loop",
                                         "wait-forever", "break", "watch", "killed" };
    return stop >= 0 && stop <= A64_STOP_KILLED ? names[stop] : "unknown";
}

void sm_push_result(lua_State *L, script_machine *sm)
{
    static const char *const ends[] = { "running", "poweroff", "panic", "limit", "crash", "error", "killed" };
    sim_machine *m = sm->m;
    a64_cpu *c = &m->cpu;
    sm_state *st = sm->st;
    lua_createtable(L, 0, 20);
    const char *end = "running";
    int status = -1;
    if (sm->world) {
        harness *h = &st->h;
        end = st->ended ? ends[h->end] : "running";
        if (st->ended)
            status = harness_exit_status(h);
        lua_pushstring(L, h->why);
        lua_setfield(L, -2, "why");
        sm_set_int(L, "entries", h->entries);
        static const char *const codes[] = { "IRQ", "EL1_SERROR", "TRAP", "IL", "unknown" };
        lua_createtable(L, 0, 5);
        for (unsigned i = 0; i < 5; i++)
            sm_set_int(L, codes[i], h->exits[i]);
        lua_setfield(L, -2, "exits");
        lua_createtable(L, 64, 0);
        for (unsigned ec = 0; ec < 64; ec++) {
            sm_push_u64(L, h->trap_ec[ec]);
            lua_rawseti(L, -2, ec);
        }
        lua_setfield(L, -2, "trap_ec");
        sm_set_int(L, "serror_bit", h->exits_serror_bit);
        sm_set_int(L, "hvc_test_calls", h->hvc_test_calls);
        sm_set_int(L, "mmio_writes", h->mmio_writes);
        sm_set_int(L, "sysreg_emulated", h->sysreg_emulated);
        if (sm->console)
            fflush(sm->console);
        lua_pushlstring(L, sm->cbuf ? sm->cbuf : "", sm->clen);
        lua_setfield(L, -2, "console");
    } else {
        end = st->ended ? bare_end(st->stop) : "running";
        if (st->ended)
            status = report_exit_status(st->stop);
        sm_set_int(L, "pc", c->pc);
        sm_set_int(L, "el", c->ps.el);
    }
    // an injection that never fired leaves the scenario untested (as on the CLI)
    if (status == SIM_EXIT_OK && m->nunfired && !sm->allow_unfired)
        status = SIM_EXIT_FAIL;
    lua_pushstring(L, end);
    lua_setfield(L, -2, "outcome");
    lua_pushstring(L, end);
    lua_setfield(L, -2, "end");
    if (status >= 0) {
        lua_pushinteger(L, status);
        lua_setfield(L, -2, "status");
    }
    sm_set_int(L, "unfired", m->nunfired);
    sm_set_int(L, "insns", c->insns);
    sm_set_int(L, "cycles", c->cycles);
    sm_set_int(L, "fw_calls", m->fw.calls);
}

/* ---- methods ---- */

/* m:run() -> result: run to the end (hooks may stop it early with m:stop()) */
static int l_run(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    drive(L, sm, D_RUN, 0);
    sm_push_result(L, sm);
    return 1;
}

/* m:run_to(where) -> true when the CPU reached it (and stands there) */
static int l_run_to(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    uint64_t a = sm_where(L, sm, 2);
    lua_pushboolean(L, drive(L, sm, D_RUN_TO, a));
    return 1;
}

/* m:step([n]) -> false when the run ended before n instructions */
static int l_step(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    lua_Integer n = luaL_optinteger(L, 2, 1);
    luaL_argcheck(L, n >= 0, 2, "a count of instructions");
    uint64_t i0 = sm->m->cpu.insns;
    drive(L, sm, D_STEP, (uint64_t)n);
    lua_pushboolean(L, sm->m->cpu.insns - i0 >= (uint64_t)n);
    return 1;
}

static int l_result(lua_State *L)
{
    sm_push_result(L, sm_check(L, 1));
    return 1;
}

/* m:stop(): from a hook, end the current run call at this boundary */
static int l_stop(lua_State *L)
{
    sm_check(L, 1)->stop_req = true;
    return 0;
}

/* m:report(): the summary the command line prints */
static int l_report(lua_State *L)
{
    script_machine *sm = sm_check(L, 1);
    fflush(stdout);
    if (sm->world)
        harness_report_text(stdout, &sm->st->h);
    else
        report_text(stdout, sm->m, script_options(L));
    fflush(stdout);
    return 0;
}

const luaL_Reg script_run_methods[] = {
    { "run", l_run },
    { "run_to", l_run_to },
    { "step", l_step },
    { "result", l_result },
    { "stop", l_stop },
    { "report", l_report },
    { NULL, NULL },
};
