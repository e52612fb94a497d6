/* isa/mem_access.c: loads and stores as instructions see them: a host
 * pointer TLB in front of the machine's bus, external aborts on a miss
 * that nothing answers, predecode invalidation on writes to code, and the
 * optional access log. */
#include <string.h>

#include "exception.h"
#include "icache.h"
#include "regs.h"

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

static int read_part(a64_cpu *c, uint64_t va, unsigned len, uint8_t *out)
{
    uint64_t page = va & A64_PAGE_MASK;
    uint8_t *h = read_host(c, page);
    if (h) {
        memcpy(out, h + (va - page), len);
        return A64_BUS_OK;
    }
    return c->bus->read(c->bus->ctx, va, out, len);
}

static int write_part(a64_cpu *c, uint64_t va, unsigned len, const uint8_t *in)
{
    uint64_t page = va & A64_PAGE_MASK;
    uint8_t *h = write_host(c, page);
    if (h) {
        memcpy(h + (va - page), in, len);
        return A64_BUS_OK;
    }
    return c->bus->write(c->bus->ctx, va, in, len);
}

/* Turn a bus fault into the architectural abort: a stage-2 one to EL2 for
 * an EL0/EL1 access with stage 2 enabled, else a synchronous external one. */
static bool fault(a64_cpu *c, uint64_t va, unsigned len, bool is_write, int res)
{
    if (res == A64_BUS_STAGE2 && c->ps.el <= A64_EL1 && (c->sr[SR_HCR_EL2] & HCR_EL2_VM))
        a64_stage2_data_abort(c, va, va, len, is_write); // stage 1 is flat: IPA = VA
    else
        a64_data_abort(c, va, is_write, FSC_SEA);
    return false;
}

static inline bool mem_read(a64_cpu *c, uint64_t va, unsigned len, void *out)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    int r;
    if (len <= first) {
        r = read_part(c, va, len, out);
        return r == A64_BUS_OK || fault(c, va, len, false, r);
    }
    r = read_part(c, va, (unsigned)first, out);
    if (r != A64_BUS_OK)
        return fault(c, va, len, false, r);
    r = read_part(c, va + first, len - (unsigned)first, (uint8_t *)out + first);
    return r == A64_BUS_OK || fault(c, va + first, len, false, r);
}

static inline bool mem_write(a64_cpu *c, uint64_t va, unsigned len, const void *in)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    int r;
    if (len > first) {
        // check both pages answer before writing either half
        uint8_t probe;
        r = read_part(c, va + first, 1, &probe);
        if (r != A64_BUS_OK)
            return fault(c, va + first, len, true, r);
        r = write_part(c, va, (unsigned)first, in);
        if (r != A64_BUS_OK)
            return fault(c, va, len, true, r);
        r = write_part(c, va + first, len - (unsigned)first, (const uint8_t *)in + first);
        return r == A64_BUS_OK || fault(c, va + first, len, true, r);
    }
    r = write_part(c, va, len, in);
    return r == A64_BUS_OK || fault(c, va, len, true, r);
}

bool a64_mem_read(a64_cpu *c, uint64_t va, unsigned len, void *out)
{
    bool ok = mem_read(c, va, len, out);
    if (__builtin_expect(c->access_log != NULL, 0) && ok)
        a64_access_log_add(c->access_log, va, len, false, out);
    return ok;
}

bool a64_mem_write(a64_cpu *c, uint64_t va, unsigned len, const void *in)
{
    bool ok = mem_write(c, va, len, in);
    if (__builtin_expect(c->access_log != NULL, 0) && ok)
        a64_access_log_add(c->access_log, va, len, true, in);
    return ok;
}

bool a64_mem_peek(a64_cpu *c, uint64_t va, void *out, unsigned len)
{
    uint64_t first = A64_PAGE_SIZE - (va & (A64_PAGE_SIZE - 1));
    if (len <= first)
        return read_part(c, va, len, out) == A64_BUS_OK;
    return read_part(c, va, (unsigned)first, out) == A64_BUS_OK &&
           read_part(c, va + first, len - (unsigned)first, (uint8_t *)out + first) == A64_BUS_OK;
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
