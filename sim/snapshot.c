/* sim/snapshot.c: snapshots by copying the CPU state and every page the
 * machine owns (file-backed pages are shared: they are read-only until a
 * write copies them), so a restore costs a copy of the touched pages only.
 * Regions are fixed once a run starts, so they are not part of it. */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>

#include "mte_tags.h"

struct sim_snapshot {
    a64_cpu cpu;
    sim_machine mach;   /* scalar parts: injections, records, limits, holes */
    mem_page *pages;    /* every materialised page: owned ones copied */
    size_t npages;
    void *extra;
    void *extra_at;
    size_t extra_len;
};

static bool copy_pages(mem_page *dst, const sim_mem *mem, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < mem->nslots; i++) {
        const mem_page *p = &mem->slots[i];
        if (!p->addr)
            continue;
        dst[k] = *p;
        if (p->owned) {
            dst[k].data = malloc(MEM_PAGE_SIZE);
            if (!dst[k].data) {
                *n = k;
                return false;
            }
            memcpy(dst[k].data, p->data, MEM_PAGE_SIZE);
        }
        k++;
    }
    *n = k;
    return true;
}

static void free_pages(mem_page *pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pages[i].owned)
            free(pages[i].data);
}

sim_snapshot *snapshot_take(sim_machine *m, void *extra, size_t extra_len)
{
    sim_snapshot *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cpu = m->cpu;
    s->mach = *m;
    // MTE allocation tags live outside the CPU struct: copy them too
    s->cpu.tags = NULL;
    if (m->cpu.tags && !(s->cpu.tags = a64_tags_clone(m->cpu.tags))) {
        free(s);
        return NULL;
    }
    s->pages = malloc((m->mem.nused ? m->mem.nused : 1) * sizeof *s->pages);
    if (!s->pages || !copy_pages(s->pages, &m->mem, &s->npages)) {
        snapshot_free(s);
        return NULL;
    }
    if (extra_len) {
        s->extra = malloc(extra_len);
        if (!s->extra) {
            snapshot_free(s);
            return NULL;
        }
        memcpy(s->extra, extra, extra_len);
        s->extra_at = extra;
        s->extra_len = extra_len;
    }
    return s;
}

/* Replace the machine's pages with copies of the snapshot's. */
static void restore_pages(sim_snapshot *s, sim_mem *mem)
{
    for (size_t i = 0; i < mem->nslots; i++)
        if (mem->slots[i].addr && mem->slots[i].owned)
            free(mem->slots[i].data);
    memset(mem->slots, 0, mem->nslots * sizeof *mem->slots);
    mem->nused = 0;
    for (size_t i = 0; i < s->npages; i++) {
        mem_page p = s->pages[i];
        if (p.owned) {
            uint8_t *d = malloc(MEM_PAGE_SIZE);
            if (!d)
                continue; // the page reads as it was materialised from its region
            memcpy(d, p.data, MEM_PAGE_SIZE);
            p.data = d;
        }
        mem_put_page(mem, &p);
    }
}

void snapshot_restore(sim_snapshot *s, sim_machine *m)
{
    // keep what belongs to this process's live machine, take the rest back
    a64_icache *ic = m->cpu.icache;
    const a64_bus *bus = m->cpu.bus;
    a64_env env = m->cpu.env;
    struct a64_tags *tags = m->cpu.tags;
    struct sim_trace *trace = m->trace;
    sim_mem mem = m->mem;
    struct gdb_stub *gdb = m->gdb;
    *m = s->mach;
    m->mem = mem;
    m->gdb = gdb;
    m->trace = trace;
    m->cpu = s->cpu;
    m->cpu.icache = ic;
    m->cpu.bus = bus;
    m->cpu.env = env;
    a64_tags_free(tags);
    m->cpu.tags = s->cpu.tags ? a64_tags_clone(s->cpu.tags) : NULL;
    restore_pages(s, &m->mem);
    a64_tlb_flush(&m->cpu); // host pointers and decoded code may have moved
    if (s->extra_len)
        memcpy(s->extra_at, s->extra, s->extra_len);
}

void snapshot_free(sim_snapshot *s)
{
    if (!s)
        return;
    if (s->pages)
        free_pages(s->pages, s->npages);
    a64_tags_free(s->cpu.tags);
    free(s->pages);
    free(s->extra);
    free(s);
}
