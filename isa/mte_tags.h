/* isa/mte_tags.h: allocation-tag storage of one machine (FEAT_MTE2): a
 * 4-bit tag per 16-byte physical granule, sparse, created on first use. */
#ifndef MTE_TAGS_H
#define MTE_TAGS_H

#include <stdbool.h>
#include <stdint.h>

#define MTE_LOG2_TAG_GRANULE 4
#define MTE_TAG_GRANULE (1u << MTE_LOG2_TAG_GRANULE)

/* The tags of every granule ever given a non-zero tag; the rest read 0
 * (the Arm ARM leaves tags UNKNOWN at reset: elsim starts them at 0). A
 * CPU reaches its store through a64_cpu.tags, NULL until the first store. */
typedef struct a64_tags a64_tags;

/* The tag of the granule holding physical address `pa` (t may be NULL). */
unsigned a64_tags_get(const a64_tags *t, uint64_t pa);
/* Set the tag of the granule holding `pa`, creating the store in *t when
 * needed. False only when the host is out of memory (the tag is lost). */
bool a64_tags_set(a64_tags **t, uint64_t pa, unsigned tag);
/* A deep copy (for snapshots): NULL for NULL, and NULL when out of memory. */
a64_tags *a64_tags_clone(const a64_tags *t);
void a64_tags_free(a64_tags *t);

#endif
