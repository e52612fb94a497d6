/* sim/timeline.c: recording a run's timeline. Each EL has a track with a
 * stack of open spans: an exception entry opens one on the target EL (and
 * suspends the lower EL's spans into a frame, resumed by the ERET back), an
 * ERET closes the top one. Spans are stored when they close, as complete
 * events with their duration; nothing runs per instruction. */
#include "timeline.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "exception.h"
#include "machine.h"
#include "regs.h"
#include "syndrome.h"

const char *const timeline_cat_names[TL_CATS] = {
    "guest", "run", "hyp-entry", "hyp-exit", "exception", "host", "host-work", "firmware",
    "async-asserted", "async-taken", "async-deferred", "async-host", "async-pending", "end",
};
const char *const timeline_cat_titles[TL_CATS] = {
    "guest run (EL1/EL0)", "execution", "hyp entry (__guest_enter to ERET)",
    "hyp exit (guest exception into EL2)", "exception handler (entry to ERET)",
    "host call of the hyp", "host handling an exit", "firmware call (EL3 model)",
    "async exception asserted", "async exception taken", "async exception deferred (ESB)",
    "async exception left to the host", "async exception still pending at the end", "end of the run",
};

typedef struct tl_open {
    uint64_t ts;
    uint8_t cat;
    char name[112];
    tl_args args;
} tl_open;

/* The spans of one track closed when execution left it for a higher EL,
 * reopened by the ERET back to that EL. */
typedef struct tl_frame {
    uint8_t track;
    unsigned n;
    tl_open s[TL_MAX_DEPTH];
} tl_frame;

#define TL_MAX_META 16
#define TL_VCACHE 32

struct sim_timeline {
    bool ws, in_host, stopped, sorted;
    uint64_t stop_at, end, run_end;
    tl_event *ev;
    size_t n, cap;
    char *pool;
    size_t plen, pcap;
    tl_open open[TL_TRACKS][TL_MAX_DEPTH];
    unsigned depth[TL_TRACKS];
    unsigned lost[TL_TRACKS]; /* entries past TL_MAX_DEPTH, not shown */
    tl_frame frames[TL_MAX_FRAMES];
    unsigned nframes;
    bool used[TL_TRACKS];
    struct {
        char key[32], val[256];
    } meta[TL_MAX_META];
    unsigned nmeta;
    struct {
        uint64_t vector;
        char name[112];
    } vcache[TL_VCACHE];
    unsigned nvcache;
};

static const uint8_t el_tracks[4] = { TL_EL0, TL_EL1, TL_EL2, TL_EL3 };

/* ---- arguments ---- */

static tl_arg *arg_slot(tl_args *a, const char *key)
{
    if (a->n == TL_MAX_ARGS)
        return NULL;
    tl_arg *x = &a->a[a->n++];
    x->key = key;
    x->num = false;
    return x;
}

void tl_arg_str(tl_args *a, const char *key, const char *fmt, ...)
{
    tl_arg *x = arg_slot(a, key);
    if (!x)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->val, sizeof x->val, fmt, ap);
    va_end(ap);
}

void tl_arg_num(tl_args *a, const char *key, uint64_t v)
{
    tl_arg *x = arg_slot(a, key);
    if (!x)
        return;
    x->num = true;
    snprintf(x->val, sizeof x->val, "%" PRIu64, v);
}

void tl_arg_hex(tl_args *a, const char *key, uint64_t v) { tl_arg_str(a, key, "0x%" PRIx64, v); }

/* "sym+0x10 (0x40080c10)", or the address alone without a symbol. */
static void arg_addr(tl_args *a, const char *key, const sim_machine *m, uint64_t addr)
{
    char sym[96];
    if (machine_symbolize(m, addr, sym, sizeof sym)[0])
        tl_arg_str(a, key, "%s (0x%" PRIx64 ")", sym, addr);
    else
        tl_arg_hex(a, key, addr);
}

/* ---- storage ---- */

sim_timeline *timeline_new(bool world_switch)
{
    sim_timeline *t = calloc(1, sizeof *t);
    if (t)
        t->ws = world_switch;
    return t;
}

void timeline_free(sim_timeline *t)
{
    if (!t)
        return;
    free(t->ev);
    free(t->pool);
    free(t);
}

void timeline_meta(sim_timeline *t, const char *key, const char *value)
{
    if (t->nmeta == TL_MAX_META || !value)
        return;
    snprintf(t->meta[t->nmeta].key, sizeof t->meta[0].key, "%s", key);
    snprintf(t->meta[t->nmeta].val, sizeof t->meta[0].val, "%s", value);
    t->nmeta++;
}

/* Bytes into the pool; UINT32_MAX when memory ran out. */
static uint32_t pool_add(sim_timeline *t, const char *s, size_t len)
{
    if (t->plen + len > t->pcap) {
        size_t cap = t->pcap ? t->pcap * 2 : 1 << 16;
        while (cap < t->plen + len)
            cap *= 2;
        char *p = cap <= UINT32_MAX ? realloc(t->pool, cap) : NULL;
        if (!p)
            return UINT32_MAX;
        t->pool = p;
        t->pcap = cap;
    }
    memcpy(t->pool + t->plen, s, len);
    t->plen += len;
    return (uint32_t)(t->plen - len);
}

/* Arguments as key\0 type value\0 pairs ('n' integer, 's' string). */
static uint32_t pool_args(sim_timeline *t, const tl_args *a)
{
    uint32_t first = (uint32_t)t->plen;
    for (unsigned i = 0; a && i < a->n; i++) {
        char type = a->a[i].num ? 'n' : 's';
        if (pool_add(t, a->a[i].key, strlen(a->a[i].key) + 1) == UINT32_MAX ||
            pool_add(t, &type, 1) == UINT32_MAX ||
            pool_add(t, a->a[i].val, strlen(a->a[i].val) + 1) == UINT32_MAX)
            return UINT32_MAX;
    }
    return first;
}

static void emit(sim_timeline *t, char ph, unsigned track, unsigned cat, uint64_t ts, uint64_t dur,
                 const char *name, const char *suffix, const tl_args *a, const tl_args *extra)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        tl_event *ev = realloc(t->ev, cap * sizeof *ev);
        if (!ev)
            return;
        t->ev = ev;
        t->cap = cap;
    }
    char full[160];
    snprintf(full, sizeof full, "%s%s", name, suffix ? suffix : "");
    uint32_t no = pool_add(t, full, strlen(full) + 1);
    uint32_t ao = pool_args(t, a);
    if (extra && ao != UINT32_MAX && pool_args(t, extra) == UINT32_MAX)
        ao = UINT32_MAX;
    if (no == UINT32_MAX || ao == UINT32_MAX)
        return;
    t->ev[t->n++] = (tl_event){ .ts = ts, .dur = dur, .name = no, .args = ao, .seq = (uint32_t)t->n,
                                .ph = (uint8_t)ph, .track = (uint8_t)track, .cat = (uint8_t)cat,
                                .nargs = (uint8_t)((a ? a->n : 0) + (extra ? extra->n : 0)) };
    t->used[track] = true;
    t->sorted = false;
}

/* False once the event budget is spent: recording stops there for good. */
static bool recording(sim_timeline *t, const sim_machine *m)
{
    if (t->stopped)
        return false;
    if (t->n < TL_MAX_EVENTS)
        return true;
    t->stopped = true;
    t->stop_at = m->cpu.cycles;
    return false;
}

/* ---- spans ---- */

static void open_span(sim_timeline *t, unsigned track, unsigned cat, uint64_t ts, const char *name,
                      const tl_args *a)
{
    if (t->depth[track] == TL_MAX_DEPTH) {
        t->lost[track]++; // an exception storm nesting deeper than shown
        return;
    }
    tl_open *o = &t->open[track][t->depth[track]++];
    o->ts = ts;
    o->cat = (uint8_t)cat;
    snprintf(o->name, sizeof o->name, "%s", name);
    if (a)
        o->args = *a;
    else
        o->args.n = 0;
}

static void close_top(sim_timeline *t, unsigned track, uint64_t ts, const char *suffix, const tl_args *extra)
{
    if (t->lost[track]) {
        t->lost[track]--;
        return;
    }
    if (!t->depth[track])
        return;
    tl_open *o = &t->open[track][--t->depth[track]];
    emit(t, 'X', track, o->cat, o->ts, ts - o->ts, o->name, suffix, &o->args, extra);
}

static bool is_run(unsigned cat) { return cat == TL_CAT_GUEST || cat == TL_CAT_RUN; }

/* A fresh stretch of execution at the EL of `track`, from pc. */
static void open_run(sim_timeline *t, const sim_machine *m, unsigned track, uint64_t ts, uint64_t pc)
{
    static const char *const who[2][TL_TRACKS] = {
        { "host", "EL3", "EL2", "EL1", "EL0" },        // bare metal
        { "host", "EL3", "EL2", "guest", "guest EL0" }, // world switch
    };
    bool guest = t->ws && (track == TL_EL1 || track == TL_EL0);
    char sym[96], name[128];
    if (!machine_symbolize(m, pc, sym, sizeof sym)[0])
        snprintf(sym, sizeof sym, "0x%" PRIx64, pc);
    snprintf(name, sizeof name, "%s @ %s", who[t->ws][track], sym);
    tl_args a = { 0 };
    arg_addr(&a, "pc", m, pc);
    open_span(t, track, guest ? TL_CAT_GUEST : TL_CAT_RUN, ts, name, &a);
}

/* Execution leaves `track` for a higher EL: close its spans, keep them. */
static void suspend(sim_timeline *t, unsigned track, uint64_t ts)
{
    if (!t->depth[track])
        return;
    if (t->nframes == TL_MAX_FRAMES) {
        memmove(&t->frames[0], &t->frames[1], (TL_MAX_FRAMES - 1) * sizeof t->frames[0]);
        t->nframes--; // the oldest context is never coming back
    }
    tl_frame *f = &t->frames[t->nframes++];
    f->track = (uint8_t)track;
    f->n = t->depth[track];
    memcpy(f->s, t->open[track], f->n * sizeof f->s[0]);
    while (t->depth[track])
        close_top(t, track, ts, NULL, NULL);
}

/* Execution comes back to `track` at pc: reopen what was suspended there
 * (its run under a new name: where it resumed), or start a fresh run. */
static void resume(sim_timeline *t, const sim_machine *m, unsigned track, uint64_t ts, uint64_t pc)
{
    if (!t->nframes || t->frames[t->nframes - 1].track != track) {
        open_run(t, m, track, ts, pc);
        return;
    }
    tl_frame *f = &t->frames[--t->nframes];
    for (unsigned i = 0; i < f->n; i++) {
        if (i == 0 && is_run(f->s[0].cat)) {
            open_run(t, m, track, ts, pc);
            continue;
        }
        open_span(t, track, f->s[i].cat, ts, f->s[i].name, &f->s[i].args);
    }
}

/* ---- exceptions ---- */

#define VEC_SLOT_INSNS 32    /* a vector slot is 0x80 bytes */

/* The vector slot's name in Linux's style (el2h_sync, el1_irq, el1_32_error)
 * and, if the slot branches away, the symbol it branches to; `off` is the
 * slot's offset from the VBAR of `el`. */
static const char *vector_name(sim_timeline *t, sim_machine *m, unsigned el, uint64_t vec, uint64_t off)
{
    for (unsigned i = 0; i < t->nvcache; i++)
        if (t->vcache[i].vector == vec)
            return t->vcache[i].name;
    static const char *const kinds[4] = { "sync", "irq", "fiq", "error" };
    // VBAR + 0x000 current EL with SP0, 0x200 SPx, 0x400 lower AArch64, 0x600 lower AArch32
    static const struct {
        const char *fmt;
        unsigned below;
    } groups[4] = { { "el%ut_%s", 0 }, { "el%uh_%s", 0 }, { "el%u_%s", 1 }, { "el%u_32_%s", 1 } };
    char slot[32], name[112], target[72] = ""; // both fit in name
    snprintf(slot, sizeof slot, groups[(off >> 9) & 3].fmt, el - groups[(off >> 9) & 3].below,
             kinds[(off >> 7) & 3]);
    for (unsigned i = 0; i < VEC_SLOT_INSNS; i++) {
        uint32_t w = 0;
        uint64_t pc = vec + 4u * i;
        if (!mem_read(&m->mem, pc, &w, 4))
            break;
        a64_dec d;
        a64_decode(w, &d);
        if (d.op == OP_B) {
            machine_symbolize(m, pc + (uint64_t)(a64_sfld(&d, 'i') * 4), target, sizeof target);
            if (strchr(target, '$'))
                target[0] = 0; // only an ELF mapping symbol ($x) is near: no name
            break;
        }
    }
    if (target[0] && strcmp(target, slot) != 0)
        snprintf(name, sizeof name, "%s → %s", slot, target);
    else
        snprintf(name, sizeof name, "%s", slot);
    if (t->nvcache == TL_VCACHE)
        t->nvcache = 0; // more vectors than cached: start over
    t->vcache[t->nvcache].vector = vec;
    snprintf(t->vcache[t->nvcache].name, sizeof t->vcache[0].name, "%s", name);
    return t->vcache[t->nvcache++].name;
}

void timeline_entry(sim_timeline *t, sim_machine *m, unsigned from_el)
{
    if (!recording(t, m))
        return;
    const a64_cpu *c = &m->cpu;
    static const int esr[4] = { -1, SR_ESR_EL1, SR_ESR_EL2, -1 };
    static const int elr[4] = { -1, SR_ELR_EL1, SR_ELR_EL2, -1 };
    unsigned to = c->ps.el;
    uint64_t ts = c->cycles;
    t->in_host = false;
    tl_args a = { 0 };
    tl_arg_str(&a, "from", "EL%u", from_el);
    tl_arg_hex(&a, "vector", c->last_vector);
    if (elr[to] >= 0)
        arg_addr(&a, "elr", m, c->sr[elr[to]]);
    // ESR is written for synchronous exceptions and SErrors only
    uint64_t off = a64_vector_offset(c);
    unsigned kind = (off >> 7) & 3;
    if (esr[to] >= 0 && (kind == 0 || kind == 3)) {
        uint32_t e = (uint32_t)c->sr[esr[to]];
        tl_arg_str(&a, "esr", "0x%08" PRIx32 " (EC 0x%02x)", e, syn_ec(e));
    }
    unsigned cat = TL_CAT_EXCEPTION;
    if (to > from_el) {
        suspend(t, el_tracks[from_el], ts);
        if (t->ws && to == A64_EL2)
            cat = TL_CAT_HYP_EXIT;
    }
    open_span(t, el_tracks[to], cat, ts, vector_name(t, m, to, c->last_vector, off), &a);
}

void timeline_eret(sim_timeline *t, sim_machine *m, unsigned from_el)
{
    if (!recording(t, m))
        return;
    const a64_cpu *c = &m->cpu;
    unsigned to = c->ps.el, track = el_tracks[from_el];
    uint64_t ts = c->cycles, pc = c->next_pc;
    char sym[96];
    tl_args end = { 0 };
    machine_symbolize(m, pc, sym, sizeof sym);
    tl_arg_str(&end, "end", "%s to EL%u at %s (0x%" PRIx64 ")", c->ps.il ? "illegal ERET" : "ERET", to,
               sym[0] ? sym : "?", pc);
    close_top(t, track, ts, NULL, &end);
    if (to < from_el) {
        suspend(t, track, ts); // what is left at the higher EL waits for the next entry
        resume(t, m, el_tracks[to], ts, pc);
    } else if (!t->depth[track]) {
        open_run(t, m, track, ts, pc); // an ERET to the same EL, not from a handler
    }
}

/* ---- asynchronous exceptions and firmware ---- */

/* Where the code runs now: the host between world-switch runs, else the
 * CPU's EL. */
static unsigned current_track(const sim_timeline *t, const sim_machine *m)
{
    return t->ws && t->in_host ? TL_HOST : el_tracks[m->cpu.ps.el];
}

static const char *const async_names[INJ_KINDS] = { "IRQ", "FIQ", "SError", "vIRQ", "vFIQ", "vSError" };

static void async_args(tl_args *a, const sim_machine *m, const sim_async_record *r)
{
    tl_arg_num(a, "record", (uint64_t)(r - m->rec));
    if (r->injection >= 0)
        tl_arg_str(a, "source", "--inject %s", m->inj[r->injection].spec);
    else
        tl_arg_str(a, "source", "%s", r->source ? r->source : "raised by the code");
    tl_arg_num(a, "asserted_cycle", r->at_cycle);
    arg_addr(a, "asserted_pc", m, r->at_pc);
}

void timeline_async(sim_timeline *t, sim_machine *m, const sim_async_record *r)
{
    if (!recording(t, m) || r->kind >= INJ_KINDS)
        return;
    static const struct {
        uint8_t cat;
        const char *what;
    } fates[] = {
        [AFATE_PENDING] = { TL_CAT_ASSERTED, "asserted" },
        [AFATE_TAKEN] = { TL_CAT_TAKEN, "taken to EL%u" },
        [AFATE_DEFERRED] = { TL_CAT_DEFERRED, "deferred by an ESB at EL%u" },
        [AFATE_HOST] = { TL_CAT_TO_HOST, "left to the host" },
    };
    unsigned track = r->fate == AFATE_PENDING ? current_track(t, m)
                     : r->fate == AFATE_HOST  ? TL_HOST
                                              : el_tracks[r->el & 3];
    if (!t->ws && track == TL_HOST)
        track = current_track(t, m);
    char what[48], name[80];
    snprintf(what, sizeof what, fates[r->fate].what, r->el);
    snprintf(name, sizeof name, "%s %s", async_names[r->kind], what);
    tl_args a = { 0 };
    async_args(&a, m, r);
    if (r->fate == AFATE_TAKEN) {
        tl_arg_hex(&a, "vector", r->vector);
        arg_addr(&a, "elr", m, r->elr);
    }
    emit(t, 'i', track, fates[r->fate].cat, m->cpu.cycles, 0, name, NULL, &a, NULL);
}

static const struct {
    uint32_t fid;
    const char *name;
} fw_calls[] = {
    { PSCI_VERSION, "PSCI VERSION" },       { PSCI_CPU_OFF, "PSCI CPU_OFF" },
    { PSCI_CPU_ON_64, "PSCI CPU_ON" },      { PSCI_SYSTEM_OFF, "PSCI SYSTEM_OFF" },
    { PSCI_SYSTEM_RESET, "PSCI SYSTEM_RESET" }, { PSCI_FEATURES, "PSCI FEATURES" },
    { SMCCC_VERSION, "SMCCC VERSION" },     { SMCCC_ARCH_FEATURES, "SMCCC ARCH_FEATURES" },
    { SMCCC_ARCH_WORKAROUND_1, "ARCH_WORKAROUND_1" }, { SMCCC_ARCH_WORKAROUND_2, "ARCH_WORKAROUND_2" },
    { SMCCC_ARCH_WORKAROUND_3, "ARCH_WORKAROUND_3" },
};

#define A64_HVC_MASK 0xffe0001fu
#define A64_HVC_OP 0xd4000002u

void timeline_firmware(sim_timeline *t, sim_machine *m)
{
    if (!recording(t, m))
        return;
    const a64_cpu *c = &m->cpu;
    uint32_t fid = (uint32_t)c->x[0], w = 0;
    const char *call = NULL;
    for (size_t i = 0; i < sizeof fw_calls / sizeof fw_calls[0]; i++)
        if (fw_calls[i].fid == fid)
            call = fw_calls[i].name;
    // the HVC conduit reaches the same firmware: say which instruction called
    bool hvc = mem_read(&m->mem, c->pc, &w, 4) && (w & A64_HVC_MASK) == A64_HVC_OP;
    char name[80];
    if (call)
        snprintf(name, sizeof name, "%s: %s", hvc ? "HVC" : "SMC", call);
    else
        snprintf(name, sizeof name, "%s: function 0x%08" PRIx32, hvc ? "HVC" : "SMC", fid);
    tl_args a = { 0 };
    tl_arg_hex(&a, "function", fid);
    tl_arg_str(&a, "from", "EL%u", c->ps.el);
    arg_addr(&a, "pc", m, c->pc);
    emit(t, 'i', TL_EL3, TL_CAT_FIRMWARE, c->cycles, 0, name, NULL, &a, NULL);
}

/* ---- the run around it ---- */

void timeline_begin(sim_timeline *t, sim_machine *m)
{
    if (recording(t, m))
        open_run(t, m, el_tracks[m->cpu.ps.el], m->cpu.cycles, m->cpu.pc);
}

void timeline_host_call(sim_timeline *t, sim_machine *m, const char *call, const tl_args *a)
{
    if (!recording(t, m))
        return;
    const a64_cpu *c = &m->cpu;
    char sym[96];
    if (!machine_symbolize(m, c->pc, sym, sizeof sym)[0])
        snprintf(sym, sizeof sym, "0x%" PRIx64, c->pc);
    t->in_host = false;
    open_span(t, TL_HOST, TL_CAT_HOST, c->cycles, call, a);
    tl_args pa = { 0 };
    arg_addr(&pa, "pc", m, c->pc);
    open_span(t, el_tracks[c->ps.el], TL_CAT_HYP_ENTRY, c->cycles, sym, &pa);
}

void timeline_host_return(sim_timeline *t, sim_machine *m, const char *result, const tl_args *a)
{
    if (!recording(t, m))
        return;
    uint64_t ts = m->cpu.cycles;
    char suffix[64];
    snprintf(suffix, sizeof suffix, " ⇒ %s", result);
    tl_args end = { 0 };
    tl_arg_str(&end, "end", "returned to the host: %s", result);
    while (t->depth[TL_EL2] > 1 || t->lost[TL_EL2])
        close_top(t, TL_EL2, ts, NULL, NULL);
    close_top(t, TL_EL2, ts, suffix, &end);
    close_top(t, TL_HOST, ts, suffix, a);
    t->in_host = true;
}

void timeline_host_work(sim_timeline *t, sim_machine *m, uint64_t from, const char *name, const tl_args *a)
{
    if (!recording(t, m))
        return;
    uint64_t now = m->cpu.cycles;
    emit(t, now > from ? 'X' : 'i', TL_HOST, TL_CAT_HOST_WORK, from, now - from, name, NULL, a, NULL);
}

void timeline_finish(sim_timeline *t, sim_machine *m, const char *why)
{
    uint64_t ts = t->stopped ? t->stop_at : m->cpu.cycles;
    bool live = !t->stopped;
    for (unsigned k = 0; k < TL_TRACKS; k++) {
        t->lost[k] = 0;
        while (t->depth[k])
            close_top(t, k, ts, NULL, NULL);
    }
    t->nframes = 0;
    t->end = ts;
    t->run_end = m->cpu.cycles;
    if (!live)
        return;
    for (unsigned i = 0; i < m->nrec; i++) {
        const sim_async_record *r = &m->rec[i];
        if (r->fate != AFATE_PENDING || r->kind >= INJ_KINDS)
            continue;
        char name[80];
        snprintf(name, sizeof name, "%s still pending at the end", async_names[r->kind]);
        tl_args a = { 0 };
        async_args(&a, m, r);
        emit(t, 'i', current_track(t, m), TL_CAT_PENDING, ts, 0, name, NULL, &a, NULL);
    }
    tl_args a = { 0 };
    tl_arg_num(&a, "cycles", m->cpu.cycles);
    tl_arg_num(&a, "instructions", m->cpu.insns);
    char name[160];
    snprintf(name, sizeof name, "end: %s", why);
    emit(t, 'i', t->ws ? TL_HOST : current_track(t, m), TL_CAT_END, ts, 0, name, NULL, &a, NULL);
}

/* ---- reading ---- */

/* Time order; at one time spans before instants, outer spans (longer, or
 * closed later) before the ones they contain. */
static int cmp_event(const void *pa, const void *pb)
{
    const tl_event *a = pa, *b = pb;
    if (a->ts != b->ts)
        return a->ts < b->ts ? -1 : 1;
    if (a->ph != b->ph)
        return a->ph == 'X' ? -1 : 1;
    if (a->dur != b->dur)
        return a->dur > b->dur ? -1 : 1;
    if (a->ph == 'X')
        return a->seq > b->seq ? -1 : 1;
    return a->seq < b->seq ? -1 : 1;
}

const tl_event *timeline_events(sim_timeline *t, size_t *n)
{
    if (!t->sorted && t->n) {
        qsort(t->ev, t->n, sizeof *t->ev, cmp_event);
        t->sorted = true;
    }
    *n = t->n;
    return t->ev;
}

const char *timeline_str(const sim_timeline *t, uint32_t off) { return t->pool + off; }

const char *timeline_arg(const sim_timeline *t, const tl_event *e, unsigned i, const char **val, bool *num)
{
    const char *p = t->pool + e->args;
    for (unsigned k = 0; k <= i; k++) {
        const char *key = p;
        p += strlen(p) + 1;
        *num = *p == 'n';
        *val = p + 1;
        p = *val + strlen(*val) + 1;
        if (k == i)
            return key;
    }
    return NULL;
}

bool timeline_track_used(const sim_timeline *t, unsigned track)
{
    if (track == TL_EL2 || track == TL_EL1 || track == TL_EL0)
        return true;
    return t->used[track] || (track == TL_HOST && t->ws);
}

const char *timeline_track_name(const sim_timeline *t, unsigned track)
{
    static const char *const ws[TL_TRACKS] = { "host (harness: KVM's C side)", "EL3 (firmware model)",
                                                "EL2 (hyp)", "EL1 (guest)", "EL0 (guest user)" };
    static const char *const bare[TL_TRACKS] = { "host", "EL3 (firmware model)", "EL2", "EL1", "EL0" };
    return (t->ws ? ws : bare)[track];
}

size_t timeline_nmeta(const sim_timeline *t) { return t->nmeta; }

const char *timeline_meta_at(const sim_timeline *t, size_t i, const char **value)
{
    *value = t->meta[i].val;
    return t->meta[i].key;
}

uint64_t timeline_end_cycle(const sim_timeline *t) { return t->end; }
uint64_t timeline_run_cycles(const sim_timeline *t) { return t->run_end; }
uint64_t timeline_truncated_at(const sim_timeline *t) { return t->stopped ? t->stop_at : 0; }
bool timeline_world_switch(const sim_timeline *t) { return t->ws; }
