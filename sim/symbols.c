/* sim/symbols.c: symbol tables sorted by address and by name, looked up
 * by binary search. */
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

void symtab_init(sim_symtab *t) { memset(t, 0, sizeof *t); }

void symtab_fini(sim_symtab *t)
{
    free(t->by_addr);
    free(t->by_name);
    memset(t, 0, sizeof *t);
}

bool symtab_add(sim_symtab *t, uint64_t addr, uint64_t size, const char *name)
{
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 256;
        sim_sym *ns = realloc(t->by_addr, ncap * sizeof *ns);
        if (!ns)
            return false;
        t->by_addr = ns;
        t->cap = ncap;
    }
    t->by_addr[t->n++] = (sim_sym){ addr, size, name };
    return true;
}

/* Address order; at one address a sized symbol first, then by name so the
 * choice is deterministic. */
static int cmp_addr(const void *a, const void *b)
{
    const sim_sym *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    if ((x->size != 0) != (y->size != 0))
        return x->size ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_name(const void *a, const void *b)
{
    const sim_sym *x = *(sim_sym *const *)a, *y = *(sim_sym *const *)b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

bool symtab_finish(sim_symtab *t)
{
    if (!t->n)
        return true;
    qsort(t->by_addr, t->n, sizeof *t->by_addr, cmp_addr);
    free(t->by_name);
    t->by_name = malloc(t->n * sizeof *t->by_name);
    if (!t->by_name)
        return false;
    for (size_t i = 0; i < t->n; i++)
        t->by_name[i] = &t->by_addr[i];
    qsort(t->by_name, t->n, sizeof *t->by_name, cmp_name);
    return true;
}

const sim_sym *symtab_at(const sim_symtab *t, uint64_t addr, uint64_t *off)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) { // first symbol with address > addr
        size_t mid = lo + (hi - lo) / 2;
        if (t->by_addr[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    // among the symbols at that address, the sorted order put the best first
    size_t i = lo - 1;
    while (i > 0 && t->by_addr[i - 1].addr == t->by_addr[i].addr)
        i--;
    if (off)
        *off = addr - t->by_addr[i].addr;
    return &t->by_addr[i];
}

const sim_sym *symtab_find(const sim_symtab *t, const char *name)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->by_name[mid]->name, name);
        if (c == 0)
            return t->by_name[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
