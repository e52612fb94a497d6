/* isa/mte_tags.c: the allocation-tag store: an open-addressing hash table
 * of 4 KiB pages, each holding its 256 granules' tags two to a byte. */
#include "mte_tags.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_SHIFT 12
#define GRANULES_PER_PAGE (1u << (PAGE_SHIFT - MTE_LOG2_TAG_GRANULE))
#define MIN_LOG2_CAP 6

/* One page's tags; the granule with the lower address in the low nibble,
 * the order LDGM packs tags into a register. */
typedef struct tag_page {
    uint64_t key; /* page number + 1; 0: empty slot */
    uint8_t tags[GRANULES_PER_PAGE / 2];
} tag_page;

struct a64_tags {
    unsigned log2_cap;
    size_t used;
    tag_page *slot;
};

static size_t slot_of(const a64_tags *t, uint64_t key)
{
    // Fibonacci hashing spreads consecutive pages over the table
    return (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> (64 - t->log2_cap));
}

static tag_page *find(const a64_tags *t, uint64_t key)
{
    size_t mask = ((size_t)1 << t->log2_cap) - 1;
    for (size_t i = slot_of(t, key);; i = (i + 1) & mask) {
        tag_page *p = &t->slot[i];
        if (p->key == key || !p->key)
            return p;
    }
}

static a64_tags *new_store(unsigned log2_cap)
{
    a64_tags *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->log2_cap = log2_cap;
    t->slot = calloc((size_t)1 << log2_cap, sizeof *t->slot);
    if (!t->slot) {
        free(t);
        return NULL;
    }
    return t;
}

/* Double the table when it is half full, so probe runs stay short. */
static bool grow(a64_tags *t)
{
    a64_tags bigger = { .log2_cap = t->log2_cap + 1, .used = t->used };
    bigger.slot = calloc((size_t)1 << bigger.log2_cap, sizeof *bigger.slot);
    if (!bigger.slot)
        return false;
    for (size_t i = 0; i < (size_t)1 << t->log2_cap; i++)
        if (t->slot[i].key)
            *find(&bigger, t->slot[i].key) = t->slot[i];
    free(t->slot);
    *t = bigger;
    return true;
}

unsigned a64_tags_get(const a64_tags *t, uint64_t pa)
{
    if (!t)
        return 0;
    const tag_page *p = find(t, (pa >> PAGE_SHIFT) + 1);
    if (!p->key)
        return 0;
    unsigned g = (unsigned)(pa >> MTE_LOG2_TAG_GRANULE) & (GRANULES_PER_PAGE - 1);
    return (p->tags[g / 2] >> (4 * (g & 1))) & 0xf;
}

bool a64_tags_set(a64_tags **tp, uint64_t pa, unsigned tag)
{
    a64_tags *t = *tp;
    uint64_t key = (pa >> PAGE_SHIFT) + 1;
    if (!t) {
        if (!tag)
            return true; // absent granules already read 0
        if (!(t = *tp = new_store(MIN_LOG2_CAP)))
            return false;
    }
    tag_page *p = find(t, key);
    if (!p->key) {
        if (!tag)
            return true;
        if (2 * (t->used + 1) > (size_t)1 << t->log2_cap) {
            if (!grow(t))
                return false;
            p = find(t, key);
        }
        p->key = key;
        t->used++;
    }
    unsigned g = (unsigned)(pa >> MTE_LOG2_TAG_GRANULE) & (GRANULES_PER_PAGE - 1);
    unsigned sh = 4 * (g & 1);
    p->tags[g / 2] = (uint8_t)((p->tags[g / 2] & ~(0xfu << sh)) | (tag & 0xf) << sh);
    return true;
}

a64_tags *a64_tags_clone(const a64_tags *t)
{
    if (!t)
        return NULL;
    a64_tags *c = new_store(t->log2_cap);
    if (!c)
        return NULL;
    memcpy(c->slot, t->slot, ((size_t)1 << t->log2_cap) * sizeof *t->slot);
    c->used = t->used;
    return c;
}

void a64_tags_free(a64_tags *t)
{
    if (!t)
        return;
    free(t->slot);
    free(t);
}
