/* sim/machine.c: building a machine (memory bus, firmware, images), and the
 * run loop, fast when tracing is off and stepwise when it is on. */
#include "machine.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "async.h"
#include "locate.h"
#include "gdb_stub.h"
#include "model.h"
#include "timeline.h"
#include "timer.h"
#include "options.h"
#include "regs.h"
#include "trace.h"

static uint8_t *bus_host_page(void *ctx, uint64_t page, bool for_write)
{
    sim_machine *m = ctx;
    return mem_host_page(&m->mem, page, for_write);
}

/* The slow path: an MMIO hole (emulated by the hypervisor side after a
 * stage-2 abort) or nothing at all (an external abort). */
static int slow_access(sim_machine *m, uint64_t addr)
{
    for (unsigned i = 0; i < m->nholes; i++)
        if (addr - m->holes[i].addr < m->holes[i].len)
            return A64_BUS_STAGE2;
    return A64_BUS_ABORT;
}

static int bus_read(void *ctx, uint64_t addr, void *buf, unsigned len)
{
    (void)buf, (void)len;
    return slow_access(ctx, addr);
}

static int bus_write(void *ctx, uint64_t addr, const void *buf, unsigned len)
{
    (void)buf, (void)len;
    return slow_access(ctx, addr);
}

bool machine_add_mmio_hole(sim_machine *m, uint64_t base, uint64_t size)
{
    if (m->nholes == SIM_MAX_HOLES)
        return false;
    m->holes[m->nholes++] = (sim_range){ base, size };
    return true;
}

static void on_smc(void *ctx, a64_cpu *c, uint16_t imm)
{
    sim_machine *m = ctx;
    if (m->hooks.smc && m->hooks.smc(m->hooks.ctx, c, imm))
        return;
    if (m->timeline)
        timeline_firmware(m->timeline, m);
    firmware_call(&m->fw, c);
}

static void on_entry(void *ctx, a64_cpu *c, unsigned from_el)
{
    sim_machine *m = ctx;
    if (m->timeline)
        timeline_entry(m->timeline, m, from_el);
    if (m->hooks.on_entry)
        m->hooks.on_entry(m->hooks.ctx, c, from_el);
}

static void on_eret(void *ctx, a64_cpu *c, unsigned from_el)
{
    sim_machine *m = ctx;
    if (m->timeline)
        timeline_eret(m->timeline, m, from_el);
    if (m->hooks.on_eret)
        m->hooks.on_eret(m->hooks.ctx, c, from_el);
}

/* Records for exceptions the code or a device raised stop short of the
 * table's end: the last SIM_MAX_INJECTIONS are kept for injections, which
 * fire once each, so every injection has its record and its fate. */
#define SIM_MAX_OTHER_RECORDS (SIM_MAX_ASYNC_RECORDS - SIM_MAX_INJECTIONS)

/* WFI/WFE: completes at once when an interrupt is already pending (WFI
 * wakes on a pending interrupt whatever PSTATE masks), else time jumps to
 * the next cycle-triggered injection; with no event left that could end
 * the wait, the run stops instead of spinning. */
static void on_wait(void *ctx, a64_cpu *c, bool is_wfe)
{
    (void)is_wfe;
    sim_machine *m = ctx;
    if (a64_async_any(c))
        return;
    uint64_t next = c->timer_deadline; // the next timer event, if any
    for (unsigned i = 0; i < m->ninj; i++)
        if (!m->inj[i].fired && m->inj[i].trig == TRIG_CYCLE && m->inj[i].value < next)
            next = m->inj[i].value;
    if (next != UINT64_MAX) {
        // WFI advances the clock to the next event instead of spinning
        if (next > c->cycles) {
            c->cycles_el[c->ps.el] += next - c->cycles;
            c->cycles = next;
        }
        a64_timer_update(c);
        return;
    }
    m->wait_pc = c->pc;
    c->stop = A64_STOP_WFI_DEADLOCK;
}

/* The record an asynchronous event belongs to: the oldest pending one of
 * its kind, or a new one for an exception the code raised itself. */
static sim_async_record *record_for(sim_machine *m, unsigned kind)
{
    for (unsigned i = 0; i < m->nrec; i++)
        if (m->rec[i].kind == kind && m->rec[i].fate == AFATE_PENDING)
            return &m->rec[i];
    if (m->nrec >= SIM_MAX_OTHER_RECORDS) {
        m->rec_overflow = true;
        return NULL;
    }
    sim_async_record *r = &m->rec[m->nrec++];
    *r = (sim_async_record){ .kind = (uint8_t)kind, .by_software = true, .injection = -1,
                             .at_insn = m->cpu.insns, .at_cycle = m->cpu.cycles, .at_pc = m->cpu.pc };
    return r;
}

static void on_async(void *ctx, a64_cpu *c, unsigned kind, bool virt, unsigned fate, unsigned el,
                     uint64_t vector)
{
    static const uint8_t phys[ASYNC_KINDS] = { [ASYNC_SERROR] = INJ_SERROR, [ASYNC_IRQ] = INJ_IRQ,
                                               [ASYNC_FIQ] = INJ_FIQ };
    static const uint8_t virtk[ASYNC_KINDS] = { [ASYNC_SERROR] = INJ_VSERROR, [ASYNC_IRQ] = INJ_VIRQ,
                                                [ASYNC_FIQ] = INJ_VFIQ };
    sim_machine *m = ctx;
    sim_async_record *r = record_for(m, virt ? virtk[kind] : phys[kind]);
    if (r) {
        r->fate = fate == FATE_TAKEN ? AFATE_TAKEN : AFATE_DEFERRED;
        r->el = (uint8_t)el;
        r->vector = vector;
        r->elr = fate == FATE_TAKEN ? c->sr[el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1] : 0;
        r->fate_insn = c->insns;
        if (m->timeline)
            timeline_async(m->timeline, m, r);
    }
    // an injected IRQ/FIQ is a pulse held until it is taken
    if (fate == FATE_TAKEN && !virt && kind == ASYNC_IRQ)
        a64_set_irq(c, false);
    if (fate == FATE_TAKEN && !virt && kind == ASYNC_FIQ)
        a64_set_fiq(c, false);
}

static void fire(sim_machine *m, unsigned idx)
{
    sim_injection *inj = &m->inj[idx];
    a64_cpu *c = &m->cpu;
    inj->fired = true;
    m->nunfired--;
    if (m->nrec < SIM_MAX_ASYNC_RECORDS) {
        m->rec[m->nrec++] = (sim_async_record){ .kind = inj->kind, .injection = (int)idx,
                                                .at_insn = c->insns, .at_cycle = c->cycles,
                                                .at_pc = c->pc };
        if (m->timeline)
            timeline_async(m->timeline, m, &m->rec[m->nrec - 1]);
    } else {
        m->rec_overflow = true;
    }
    // an SError's default syndrome: the architected "asynchronous SError"
    // DFSC with RAS, IMPLEMENTATION DEFINED (0) without
    uint32_t iss = inj->has_iss ? inj->iss : ((c->feat & FEAT_BIT(FEAT_RAS)) ? 0x11 : 0);
    switch (inj->kind) {
    case INJ_IRQ: a64_set_irq(c, true); break;
    case INJ_FIQ: a64_set_fiq(c, true); break;
    case INJ_SERROR: a64_set_serror(c, true, iss); break;
    case INJ_VIRQ: c->sr[SR_HCR_EL2] |= HCR_EL2_VI; break;
    case INJ_VFIQ: c->sr[SR_HCR_EL2] |= HCR_EL2_VF; break;
    case INJ_VSERROR:
        c->sr[SR_HCR_EL2] |= HCR_EL2_VSE;
        if (inj->has_iss)
            c->sr[SR_VSESR_EL2] = inj->iss;
        break;
    }
}

/* Fire every injection whose trigger is met before the next instruction. */
static void check_injections(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    for (unsigned i = 0; i < m->ninj; i++) {
        sim_injection *inj = &m->inj[i];
        if (inj->fired)
            continue;
        bool due = (inj->trig == TRIG_PC && c->pc == inj->value) ||
                   (inj->trig == TRIG_INSN && c->insns >= inj->value) ||
                   (inj->trig == TRIG_CYCLE && c->cycles >= inj->value);
        if (due)
            fire(m, i);
    }
}

void machine_host_took_pending(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    for (unsigned i = 0; i < m->nrec; i++) {
        sim_async_record *r = &m->rec[i];
        bool pend = (r->kind == INJ_IRQ && c->irq_line) || (r->kind == INJ_FIQ && c->fiq_line) ||
                    (r->kind == INJ_SERROR && c->serror_pending);
        if (r->fate == AFATE_PENDING && pend) {
            r->fate = AFATE_HOST;
            r->fate_insn = c->insns;
            if (m->timeline)
                timeline_async(m->timeline, m, r);
        }
    }
    a64_set_irq(c, false);
    a64_set_fiq(c, false);
    a64_set_serror(c, false, 0);
}

void machine_note_async(sim_machine *m, unsigned kind, const char *source)
{
    a64_cpu *c = &m->cpu;
    if (m->nrec >= SIM_MAX_OTHER_RECORDS) {
        m->rec_overflow = true;
        return;
    }
    m->rec[m->nrec++] = (sim_async_record){ .kind = (uint8_t)kind, .injection = -1, .source = source,
                                            .at_insn = c->insns, .at_cycle = c->cycles, .at_pc = c->pc };
    if (m->timeline)
        timeline_async(m->timeline, m, &m->rec[m->nrec - 1]);
}

void machine_raise_serror(sim_machine *m, uint32_t iss, const char *source)
{
    a64_set_serror(&m->cpu, true, iss);
    machine_note_async(m, INJ_SERROR, source);
}

bool machine_add_injection(sim_machine *m, const sim_injection *inj, char *err, size_t len)
{
    if (m->ninj == SIM_MAX_INJECTIONS) {
        snprintf(err, len, "--inject: at most %d injections", SIM_MAX_INJECTIONS);
        return false;
    }
    sim_injection v = *inj;
    if (v.trig == TRIG_PC) {
        char why[512];
        if (!locate_resolve(m, v.where, &v.value, why, sizeof why)) {
            snprintf(err, len, "--inject '%s': %s", v.spec, why);
            return false;
        }
        // a PC outside every loaded segment is never reached: say so now
        if (!locate_in_segment(m, v.value)) {
            snprintf(err, len, "--inject '%s': %s", v.spec, locate_outside(m, v.value, why, sizeof why));
            return false;
        }
    }
    m->inj[m->ninj++] = v;
    m->nunfired++;
    return true;
}

bool machine_init(sim_machine *m)
{
    memset(m, 0, sizeof *m);
    if (!mem_init(&m->mem))
        return false;
    m->bus = (a64_bus){ .ctx = m, .host_page = bus_host_page, .read = bus_read, .write = bus_write };
    a64_cpu_init(&m->cpu, &m->bus, A64_EL2);
    if (!m->cpu.icache)
        return false;
    m->cpu.env = (a64_env){ .ctx = m, .smc = on_smc, .wait = on_wait, .async_event = on_async,
                            .on_entry = on_entry, .on_eret = on_eret };
    m->insn_limit = UINT64_MAX;
    m->cycle_limit = UINT64_MAX;
    return true;
}

void machine_fini(sim_machine *m)
{
    a64_cpu_fini(&m->cpu);
    for (unsigned i = 0; i < m->nimages; i++)
        image_free(&m->images[i]);
    mem_fini(&m->mem);
}

bool machine_add_ram(sim_machine *m, uint64_t base, uint64_t size, char *err, size_t len)
{
    mem_region r = { .base = base, .size = size, .name = "ram", .background = true };
    const mem_region *clash = NULL;
    if (size == 0 || base + size < base) {
        snprintf(err, len, "RAM region 0x%" PRIx64 " size 0x%" PRIx64 " is empty or wraps", base, size);
        return false;
    }
    if (!mem_add_region(&m->mem, &r, &clash)) {
        snprintf(err, len, "RAM region 0x%" PRIx64 "+0x%" PRIx64 " overlaps another RAM region", base, size);
        return false;
    }
    return true;
}

sim_image *machine_load(sim_machine *m, const char *path, char *err, size_t len)
{
    if (m->nimages == SIM_MAX_IMAGES) {
        snprintf(err, len, "%s: too many images", path);
        return NULL;
    }
    sim_image *img = &m->images[m->nimages];
    char why[256];
    if (!image_load(img, path, &m->mem, why, sizeof why)) {
        snprintf(err, len, "%s: %s", path, why);
        image_free(img);
        return NULL;
    }
    m->nimages++;
    a64_tlb_flush(&m->cpu);
    return img;
}

void machine_start(sim_machine *m, unsigned el, uint64_t pc, uint64_t sp)
{
    a64_cpu *c = &m->cpu;
    c->ps.el = (uint8_t)el;
    c->ps.sp = 1;
    c->ps.daif = PSTATE_DAIF_MASK;
    c->pc = pc;
    c->sp_el[el] = sp;
    // below EL2, firmware would have made EL1 AArch64 (HCR_EL2.RW = 1) and
    // left FP/SIMD enabled (CPACR_EL1.FPEN = 0b11), as QEMU's direct boot does
    if (el < A64_EL2) {
        c->sr[SR_HCR_EL2] |= HCR_EL2_RW;
        c->sr[SR_CPACR_EL1] |= UINT64_C(3) << CPACR_EL1_FPEN_SHIFT;
        // and let EL1 use allocation tags where the model has MTE
        if (c->feat & FEAT_BIT(FEAT_MTE))
            c->sr[SR_HCR_EL2] |= HCR_EL2_ATA;
    }
}

void machine_set_hvc_conduit(sim_machine *m, bool on)
{
    m->cpu.env.hvc = on ? on_smc : NULL;
}

/* Watch the PCs of the unfired PC injections (a64_run stops before their
 * boundary), changing the CPU's watch points only when that set changed. */
static void watch_pc_triggers(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    uint64_t want[A64_MAX_WATCHES];
    unsigned n = 0;
    bool same = true;
    for (unsigned i = 0; i < m->ninj; i++) {
        const sim_injection *inj = &m->inj[i];
        if (inj->fired || inj->trig != TRIG_PC)
            continue;
        if (n == A64_MAX_WATCHES)
            return; // more than the CPU watches: keep what it has
        same = same && n < c->nwatch && c->watch[n] == inj->value;
        want[n++] = inj->value;
    }
    if (same && n == c->nwatch)
        return;
    a64_clear_watches(c);
    for (unsigned i = 0; i < n; i++)
        a64_set_watch(c, want[i]);
}

/* Run at full speed to the next instruction boundary where an unfired
 * injection could trigger: its instruction count or cycle (as limits) or
 * its PC (a watch point), and come back there without a stop. */
static void run_to_trigger(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    uint64_t il = m->insn_limit, cl = m->cycle_limit;
    unsigned npc = 0;
    bool other = false;
    for (unsigned i = 0; i < m->ninj; i++) {
        const sim_injection *inj = &m->inj[i];
        if (inj->fired)
            continue;
        switch (inj->trig) {
        case TRIG_INSN: il = inj->value < il ? inj->value : il; break;
        case TRIG_CYCLE: cl = inj->value < cl ? inj->value : cl; break;
        case TRIG_PC: npc++; break;
        default: other = true; break;
        }
    }
    watch_pc_triggers(m);
    if (other || npc > c->nwatch) {
        a64_step(c); // a trigger the CPU cannot stop at: one boundary at a time
        return;
    }
    a64_run(c, il, cl);
    bool limit = c->stop == A64_STOP_LIMIT && c->insns < m->insn_limit && c->cycles < m->cycle_limit;
    if (c->stop == A64_STOP_WATCH || limit)
        c->stop = A64_RUNNING; // a trigger's boundary: the caller checks the injections
}

int machine_run(sim_machine *m)
{
    if (m->gdb && gdb_stub_active(m->gdb))
        return gdb_stub_run(m->gdb, m);
    return machine_run_free(m);
}

/* An instruction boundary as the machine sees it: the limits, then the
 * injections whose trigger is here. False when the run stops here. */
static bool boundary(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    if (c->insns >= m->insn_limit || c->cycles >= m->cycle_limit) {
        c->stop = A64_STOP_LIMIT;
        return false;
    }
    if (m->nunfired)
        check_injections(m);
    return true;
}

void machine_step(sim_machine *m)
{
    if (!boundary(m))
        return;
    if (m->trace)
        trace_step(m->trace, m);
    else
        a64_step(&m->cpu);
}

int machine_run_free(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    if (!m->trace && !m->nunfired) {
        a64_run(c, m->insn_limit, m->cycle_limit);
        return c->stop;
    }
    // while tracing stepwise; while an injection waits for its trigger, fast
    // up to each boundary where one could trigger
    while (!c->stop && boundary(m)) {
        if (m->trace)
            trace_step(m->trace, m);
        else if (m->nunfired)
            run_to_trigger(m);
        else {
            if (c->nwatch)
                a64_clear_watches(c); // every injection fired
            a64_run(c, m->insn_limit, m->cycle_limit);
        }
    }
    return c->stop;
}

const char *machine_symbolize(const sim_machine *m, uint64_t addr, char *buf, size_t len)
{
    const sim_sym *best = NULL;
    uint64_t best_off = 0;
    for (unsigned i = 0; i < m->nimages; i++) {
        const sim_image *img = &m->images[i];
        uint64_t off;
        const sim_sym *s = symtab_at(&img->syms, addr, &off);
        // only symbols of the image that holds the address, and not far away
        if (!s || addr < img->lo || addr >= img->hi)
            continue;
        if (!best || off < best_off) {
            best = s;
            best_off = off;
        }
    }
    if (!best)
        buf[0] = 0;
    else if (best_off)
        snprintf(buf, len, "%s+0x%" PRIx64, best->name, best_off);
    else
        snprintf(buf, len, "%s", best->name);
    return buf;
}

bool machine_symbol(const sim_machine *m, const char *name, uint64_t *addr)
{
    for (unsigned i = 0; i < m->nimages; i++) {
        const sim_sym *s = symtab_find(&m->images[i].syms, name);
        if (s) {
            *addr = s->addr;
            return true;
        }
    }
    return false;
}

bool machine_use_model(sim_machine *m, const char *model, const char *async_take, char *err, size_t len)
{
    sim_model mdl;
    if (!model_load(model, &mdl, err, len))
        return false;
    model_apply(&mdl, &m->cpu);
    if (async_take && !model_policy(async_take, &m->cpu.async_policy)) {
        snprintf(err, len, "async_take '%s': expected earliest or latest", async_take);
        return false;
    }
    // the firmware answers ARCH_FEATURES as the model's CPU needs
    m->fw.needs_wa1 = mdl.workaround[1];
    m->fw.needs_wa2 = mdl.workaround[2];
    m->fw.needs_wa3 = mdl.workaround[3];
    return true;
}
