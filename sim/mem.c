/* sim/mem.c: sparse page memory with lazily materialised pages, a shared
 * zero page for untouched RAM, and copy-on-write of file-backed pages. */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#define INITIAL_SLOTS 1024

bool mem_init(sim_mem *m)
{
    memset(m, 0, sizeof *m);
    m->nslots = INITIAL_SLOTS;
    m->slots = calloc(m->nslots, sizeof *m->slots);
    m->zero_page = calloc(1, MEM_PAGE_SIZE);
    return m->slots && m->zero_page;
}

void mem_fini(sim_mem *m)
{
    for (size_t i = 0; i < m->nslots; i++)
        if (m->slots[i].addr && m->slots[i].owned)
            free(m->slots[i].data);
    free(m->slots);
    free(m->regions);
    free(m->zero_page);
    memset(m, 0, sizeof *m);
}

bool mem_add_region(sim_mem *m, const mem_region *r, const mem_region **clash)
{
    for (size_t i = 0; i < m->nregions; i++) {
        const mem_region *o = &m->regions[i];
        if (o->background != r->background)
            continue;
        if (r->base < o->base + o->size && o->base < r->base + r->size) {
            if (clash)
                *clash = o;
            return false;
        }
    }
    if (m->nregions == m->cap_regions) {
        size_t ncap = m->cap_regions ? m->cap_regions * 2 : 8;
        mem_region *nr = realloc(m->regions, ncap * sizeof *nr);
        if (!nr)
            return false;
        m->regions = nr;
        m->cap_regions = ncap;
    }
    m->regions[m->nregions++] = *r;
    return true;
}

const mem_region *mem_region_at(const sim_mem *m, uint64_t addr)
{
    for (size_t i = 0; i < m->nregions; i++)
        if (addr - m->regions[i].base < m->regions[i].size)
            return &m->regions[i];
    return NULL;
}

static size_t slot_of(const sim_mem *m, uint64_t page)
{
    uint64_t h = (page / MEM_PAGE_SIZE) * UINT64_C(0x9e3779b97f4a7c15);
    return (size_t)(h >> 29) & (m->nslots - 1);
}

/* The slot holding `page` (key addr + 1), or the empty slot where it goes. */
static mem_page *find_slot(sim_mem *m, uint64_t page)
{
    size_t s = slot_of(m, page);
    while (m->slots[s].addr && m->slots[s].addr != page + 1)
        s = (s + 1) & (m->nslots - 1);
    return &m->slots[s];
}

static bool grow(sim_mem *m)
{
    mem_page *old = m->slots;
    size_t on = m->nslots;
    mem_page *ns = calloc(on * 2, sizeof *ns);
    if (!ns)
        return false;
    m->slots = ns;
    m->nslots = on * 2;
    for (size_t i = 0; i < on; i++)
        if (old[i].addr)
            *find_slot(m, old[i].addr - 1) = old[i];
    free(old);
    return true;
}

/* Bytes of a page as the regions give them: a direct pointer when one
 * file-backed region covers the whole page, else a private copy holding
 * every overlapping region's file bytes (two segments may share a page). */
static bool materialise(const sim_mem *m, const mem_region *r, uint64_t page, mem_page *out)
{
    uint64_t off = page - r->base;
    if (r->file && page >= r->base && off < r->file_size && r->file_size - off >= MEM_PAGE_SIZE) {
        out->data = (uint8_t *)(uintptr_t)(r->file + off);
        out->owned = false;
        return true;
    }
    out->data = calloc(1, MEM_PAGE_SIZE);
    if (!out->data)
        return false;
    out->owned = true;
    // inclusive ends: the last page of the address space ends at 2^64 - 1
    uint64_t plast = page + (MEM_PAGE_SIZE - 1);
    for (size_t i = 0; i < m->nregions; i++) {
        const mem_region *o = &m->regions[i];
        if (!o->file || !o->file_size)
            continue;
        uint64_t lo = o->base > page ? o->base : page;
        uint64_t flast = o->base + (o->file_size - 1);
        uint64_t last = flast < plast ? flast : plast;
        if (lo <= last)
            memcpy(out->data + (lo - page), o->file + (lo - o->base), last - lo + 1);
    }
    return true;
}

/* A region overlapping the page at `page`, file-backed ones first, or NULL. */
static const mem_region *region_in_page(const sim_mem *m, uint64_t page)
{
    const mem_region *any = NULL;
    uint64_t plast = page + (MEM_PAGE_SIZE - 1); // no wrap on the last page
    for (size_t i = 0; i < m->nregions; i++) {
        const mem_region *o = &m->regions[i];
        if (o->size && o->base <= plast && page <= o->base + (o->size - 1)) {
            if (!o->background)
                return o;
            any = any ? any : o;
        }
    }
    return any;
}

uint8_t *mem_host_page(sim_mem *m, uint64_t page, bool for_write)
{
    mem_page *p = find_slot(m, page);
    if (!p->addr) {
        const mem_region *r = region_in_page(m, page);
        if (!r)
            return NULL;
        if (r->background && !for_write)
            return m->zero_page; // untouched RAM reads as zeros without a page
        if ((m->nused + 1) * 2 > m->nslots) {
            if (!grow(m))
                return NULL;
            p = find_slot(m, page);
        }
        mem_page np = { .addr = page + 1 };
        if (!materialise(m, r, page, &np))
            return NULL;
        *p = np;
        m->nused++;
    }
    if (for_write && !p->owned) {
        uint8_t *copy = malloc(MEM_PAGE_SIZE);
        if (!copy)
            return NULL;
        memcpy(copy, p->data, MEM_PAGE_SIZE);
        p->data = copy;
        p->owned = true;
    }
    return p->data;
}

static bool copy_pages(sim_mem *m, uint64_t addr, void *buf, size_t len, bool write)
{
    uint8_t *b = buf;
    while (len) {
        uint64_t page = addr & ~(uint64_t)(MEM_PAGE_SIZE - 1);
        size_t off = (size_t)(addr - page);
        size_t n = MEM_PAGE_SIZE - off < len ? MEM_PAGE_SIZE - off : len;
        uint8_t *h = mem_host_page(m, page, write);
        if (!h)
            return false;
        if (write)
            memcpy(h + off, b, n);
        else
            memcpy(b, h + off, n);
        b += n;
        addr += n;
        len -= n;
    }
    return true;
}

bool mem_read(sim_mem *m, uint64_t addr, void *buf, size_t len)
{
    return copy_pages(m, addr, buf, len, false);
}

bool mem_write(sim_mem *m, uint64_t addr, const void *buf, size_t len)
{
    return copy_pages(m, addr, (void *)(uintptr_t)buf, len, true);
}

bool mem_put_page(sim_mem *m, const mem_page *p)
{
    if ((m->nused + 1) * 2 > m->nslots && !grow(m))
        return false;
    mem_page *slot = find_slot(m, p->addr - 1);
    if (!slot->addr)
        m->nused++;
    *slot = *p;
    return true;
}
