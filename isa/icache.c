/* isa/icache.c: the per-page predecode cache (an open-addressing table of
 * page blocks; a cleared block keeps its memory, so a handler's decoded
 * instruction stays readable while its own page is being invalidated). */
#include "icache.h"

#include <stdlib.h>
#include <string.h>

#define INITIAL_SLOTS 64

a64_icache *icache_new(void)
{
    a64_icache *ic = calloc(1, sizeof *ic);
    if (!ic)
        return NULL;
    ic->cap = INITIAL_SLOTS;
    ic->slots = calloc(ic->cap, sizeof *ic->slots);
    ic->word_tag = calloc(ICACHE_WORDS, sizeof *ic->word_tag);
    ic->word_dec = calloc(ICACHE_WORDS, sizeof *ic->word_dec);
    if (!ic->slots || !ic->word_tag || !ic->word_dec) {
        icache_free(ic);
        return NULL;
    }
    return ic;
}

void icache_free(a64_icache *ic)
{
    if (!ic)
        return;
    for (size_t i = 0; ic->slots && i < ic->cap; i++)
        free(ic->slots[i]);
    free(ic->slots);
    free(ic->word_tag);
    free(ic->word_dec);
    free(ic);
}

static size_t slot_of(const a64_icache *ic, uint64_t page)
{
    uint64_t h = (page >> A64_PAGE_SHIFT) * UINT64_C(0x9e3779b97f4a7c15);
    return (size_t)(h >> 32) & (ic->cap - 1);
}

static bool grow(a64_icache *ic)
{
    size_t ncap = ic->cap * 2;
    icache_block **ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return false;
    icache_block **old = ic->slots;
    size_t ocap = ic->cap;
    ic->slots = ns;
    ic->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i])
            continue;
        size_t s = slot_of(ic, old[i]->page);
        while (ic->slots[s])
            s = (s + 1) & (ncap - 1);
        ic->slots[s] = old[i];
    }
    free(old);
    return true;
}

icache_block *icache_block_for(a64_icache *ic, uint64_t page, bool create)
{
    size_t s = slot_of(ic, page);
    while (ic->slots[s]) {
        if (ic->slots[s]->page == page)
            return ic->slots[s];
        s = (s + 1) & (ic->cap - 1);
    }
    if (!create)
        return NULL;
    if ((ic->count + 1) * 2 > ic->cap) {
        if (!grow(ic))
            return NULL;
        return icache_block_for(ic, page, true);
    }
    icache_block *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->page = page;
    ic->slots[s] = b;
    ic->count++;
    return b;
}

void icache_clear_block(a64_icache *ic, icache_block *b)
{
    if (b->ndecoded)
        memset(b->d, 0, sizeof b->d);
    b->ndecoded = 0;
    b->host = NULL;
    if (ic->cur == b)
        ic->cur_key = 0;
}

void icache_clear_all(a64_icache *ic)
{
    for (size_t i = 0; i < ic->cap; i++)
        if (ic->slots[i])
            icache_clear_block(ic, ic->slots[i]);
    ic->cur_key = 0;
}
