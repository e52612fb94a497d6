/* isa/icache.h: the predecode cache: decoded instructions per 4 KiB page,
 * dropped when the page is written. Private to isa/. */
#ifndef ICACHE_H
#define ICACHE_H

#include "a64.h"

typedef struct icache_block {
    uint64_t page;
    const uint8_t *host;   /* the page's bytes, NULL until looked up */
    uint32_t ndecoded;
    a64_dec d[A64_INSNS_PER_PAGE];
} icache_block;

/* Decoded forms by instruction word (a direct-mapped cache): a decoded
 * instruction depends on its word alone (breakpoints aside), so a page
 * decoded again after it was dropped (a write, a snapshot restore) copies
 * most of its instructions from here instead of decoding them. */
#define ICACHE_WORD_BITS 12
#define ICACHE_WORDS (1u << ICACHE_WORD_BITS)

struct a64_icache {
    uint64_t cur_key; /* page + 1 of `cur`, 0 when none */
    icache_block *cur;
    icache_block **slots; /* open addressing on the page number */
    size_t cap, count;
    uint32_t *word_tag;   /* [ICACHE_WORDS]: the word each entry decodes */
    a64_dec *word_dec;    /* [ICACHE_WORDS]: its decoded form (fn NULL: empty) */
};

a64_icache *icache_new(void);
void icache_free(a64_icache *ic);
/* The block for `page`, created empty when `create`; NULL otherwise. */
icache_block *icache_block_for(a64_icache *ic, uint64_t page, bool create);
/* Forget the decoded contents of one page / of every page. */
void icache_clear_block(a64_icache *ic, icache_block *b);
void icache_clear_all(a64_icache *ic);

#endif
