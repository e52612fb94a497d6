/* sim/image.h: loading an AArch64 ELF (ET_EXEC or ET_DYN) with libelf into
 * the machine's memory: PT_LOAD segments, .symtab, R_AARCH64_RELATIVE. */
#ifndef SIM_IMAGE_H
#define SIM_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"
#include "symbols.h"

typedef struct sim_segment {
    uint64_t base, size;
    char name[48];
} sim_segment;

typedef struct sim_image {
    char *path;
    const uint8_t *map; /* the whole file, mapped read-only */
    size_t map_size;
    uint64_t entry;
    uint64_t lo, hi;    /* lowest and highest loaded address + 1 */
    unsigned nsegments;
    size_t nrelocs;     /* R_AARCH64_RELATIVE entries applied */
    sim_segment *segs;  /* the PT_LOAD segments, nsegments of them */
    sim_symtab syms;
} sim_image;

/* Load `path` into `mem`. On failure returns false with a one-line reason
 * in err (without the path, which the caller prefixes). */
bool image_load(sim_image *img, const char *path, sim_mem *mem, char *err, size_t errlen);
void image_free(sim_image *img);
/* Give back the file pages that loading read (symbols, relocations,
 * tables): RSS then holds only what the run touches. Safe at any time. */
void image_release_pages(const sim_image *img);
/* True if addr lies in one of the image's loaded segments. */
bool image_holds(const sim_image *img, uint64_t addr);

#endif
