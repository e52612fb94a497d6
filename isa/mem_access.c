/* isa/mem_access.c: loads and stores as instructions see them: a host
 * pointer TLB in front of the machine's bus, external aborts on a miss
 * that nothing answers, and predecode invalidation on writes to code. */
#include <string.h>

#include "exception.h"
#include "icache.h"

static inline a64_tlb_entry *tlb_slot(a64_tlb_entry *t, uint64_t page)
{
    return &t[(page >> A64_PAGE_SHIFT) & (A64_TLB_SIZE - 1)];
}

static uint8_t *read_host(a64_cpu *c, uint64_t page)
{
    a64_tlb_entry *e = tlb_slot(c->tlb_r, page);
    if (e->page == page + 1)
        return e->host;
    uint8_t *h = c->bus->host_page(c->bus->ctx, page, false);
    if (h) {
        e->page = page + 1;
        e->host = h;
    }
    return h;
}

static uint8_t *write_host(a64_cpu *c, uint64_t page)
{
    a64_tlb_entry *e = tlb_slot(c->tlb_w, page);
    if (e->page == page + 1)
        return e->host;
    // writes to a page holding decoded code drop its decoded form and stay
    // on this slow path, so every later write is seen too
    icache_block *b = icache_block_for(c->icache, page, false);
    if (b && b->ndecoded)
        icache_clear_block(c->icache, b);
    uint8_t *h = c->bus->host_page(c->bus->ctx, page, true);
    if (h && !b) {
        e->page = page + 1;
        e->host = h;
    }
    // a copy-on-write may have moved the page: reads must follow
    if (h) {
        a64_tlb_entry *r = tlb_slot(c->tlb_r, page);
        if (r->page == page + 1)
            r->host = h;
    }
    return h;
}

static bool read_part(a64_cpu *c, uint64_t va, unsigned len, uint8_t *out)
{
    uint64_t page = va & A64_PAGE_MASK;
    uint8_t *h = read_host(c, page);
    if (h) {
        memcpy(out, h + (va - page), len);
        return true;
    }
    return c->bus->read(c->bus->ctx, va, out, len);
}

static bool write_part(a64_cpu *c, uint64_t va, unsigned len, const uint8_t *in)
{
    uint64_t page = va & A64_PAGE_MASK;
    uint8_t *h = write_host(c, page);
    if (h) {
        memcpy(h + (va - page), in, len);
        return true;
    }
    return c->bus->write(c->bus->ctx, va, in, len);
}

bool a64_mem_read(a64_cpu *c, uint64_t va, unsigned len, void *out)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    if (len <= first) {
        if (read_part(c, va, len, out))
            return true;
        a64_data_abort(c, va, false, FSC_SEA);
        return false;
    }
    if (!read_part(c, va, (unsigned)first, out)) {
        a64_data_abort(c, va, false, FSC_SEA);
        return false;
    }
    if (!read_part(c, va + first, len - (unsigned)first, (uint8_t *)out + first)) {
        a64_data_abort(c, va + first, false, FSC_SEA);
        return false;
    }
    return true;
}

bool a64_mem_write(a64_cpu *c, uint64_t va, unsigned len, const void *in)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    if (len > first) {
        // check both pages answer before writing either half
        uint8_t probe;
        if (!read_part(c, va + first, 1, &probe)) {
            a64_data_abort(c, va + first, true, FSC_SEA);
            return false;
        }
        if (!write_part(c, va, (unsigned)first, in)) {
            a64_data_abort(c, va, true, FSC_SEA);
            return false;
        }
        if (!write_part(c, va + first, len - (unsigned)first, (const uint8_t *)in + first)) {
            a64_data_abort(c, va + first, true, FSC_SEA);
            return false;
        }
        return true;
    }
    if (write_part(c, va, len, in))
        return true;
    a64_data_abort(c, va, true, FSC_SEA);
    return false;
}

bool a64_mem_peek(a64_cpu *c, uint64_t va, void *out, unsigned len)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    if (len <= first)
        return read_part(c, va, len, out);
    return read_part(c, va, (unsigned)first, out) &&
           read_part(c, va + first, len - (unsigned)first, (uint8_t *)out + first);
}

void a64_tlb_flush(a64_cpu *c)
{
    memset(c->tlb_r, 0, sizeof c->tlb_r);
    memset(c->tlb_w, 0, sizeof c->tlb_w);
    icache_clear_all(c->icache);
}

void a64_code_written(a64_cpu *c, uint64_t addr, uint64_t len)
{
    if (!len)
        return;
    uint64_t last = (addr + len - 1) & A64_PAGE_MASK;
    for (uint64_t p = addr & A64_PAGE_MASK;; p += A64_PAGE_SIZE) {
        icache_block *b = icache_block_for(c->icache, p, false);
        if (b)
            icache_clear_block(c->icache, b);
        if (p == last)
            break;
    }
}
