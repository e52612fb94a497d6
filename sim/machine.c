/* sim/machine.c: building a machine (memory bus, firmware, images), and the
 * run loop, fast when tracing is off and stepwise when it is on. */
#include "machine.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "regs.h"
#include "trace.h"

static uint8_t *bus_host_page(void *ctx, uint64_t page, bool for_write)
{
    sim_machine *m = ctx;
    return mem_host_page(&m->mem, page, for_write);
}

/* The slow path serves devices; with none mapped, nothing answers. */
static bool bus_read(void *ctx, uint64_t addr, void *buf, unsigned len)
{
    (void)ctx, (void)addr, (void)buf, (void)len;
    return false;
}

static bool bus_write(void *ctx, uint64_t addr, const void *buf, unsigned len)
{
    (void)ctx, (void)addr, (void)buf, (void)len;
    return false;
}

static void on_smc(void *ctx, a64_cpu *c, uint16_t imm)
{
    (void)imm;
    firmware_call(&((sim_machine *)ctx)->fw, c);
}

/* No event source exists yet (timers and injection come later), so a wait
 * that nothing can end stops the run instead of spinning. */
static void on_wait(void *ctx, a64_cpu *c, bool is_wfe)
{
    (void)is_wfe;
    sim_machine *m = ctx;
    m->wait_pc = c->pc;
    c->stop = A64_STOP_WFI_DEADLOCK;
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
    m->cpu.env = (a64_env){ .ctx = m, .smc = on_smc, .wait = on_wait };
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
    // below EL2, firmware would have made EL1 AArch64: HCR_EL2.RW = 1
    if (el < A64_EL2)
        c->sr[SR_HCR_EL2] |= HCR_EL2_RW;
}

void machine_set_hvc_conduit(sim_machine *m, bool on)
{
    m->cpu.env.hvc = on ? on_smc : NULL;
}

int machine_run(sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    if (!m->trace) {
        a64_run(c, m->insn_limit, m->cycle_limit);
        return c->stop;
    }
    while (!c->stop) {
        if (c->insns >= m->insn_limit || c->cycles >= m->cycle_limit) {
            c->stop = A64_STOP_LIMIT;
            break;
        }
        trace_step(m->trace, m);
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
