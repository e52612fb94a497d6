/* sim/mem.h: the machine's physical memory: sparse 4 KiB pages materialised
 * on first touch from RAM regions (zero-filled) or file-backed regions
 * (pointing into the mapped file until written: copy-on-write). */
#ifndef SIM_MEM_H
#define SIM_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MEM_PAGE_SIZE 4096u

typedef struct mem_region {
    uint64_t base, size;
    const uint8_t *file; /* bytes backing [base, base + file_size), or NULL */
    uint64_t file_size;
    const char *name;    /* for messages: "hyp.elf segment 1", "ram" */
    bool background;     /* RAM that loaded segments may overlay */
} mem_region;

typedef struct mem_page {
    uint64_t addr;
    uint8_t *data;  /* host bytes */
    bool owned;     /* data is ours (malloc'd); else it points into a file */
} mem_page;

typedef struct sim_mem {
    mem_region *regions;
    size_t nregions, cap_regions;
    mem_page *slots; /* open addressing on the page number; addr+1 != 0 = used */
    size_t nslots, nused;
    uint8_t *zero_page; /* shared read-only zeros for untouched RAM */
} sim_mem;

bool mem_init(sim_mem *m);
void mem_fini(sim_mem *m);
/* Add a region; false if it overlaps an existing one of the same kind
 * (background or not; `clash` names it). */
bool mem_add_region(sim_mem *m, const mem_region *r, const mem_region **clash);
/* The region holding addr, or NULL. */
const mem_region *mem_region_at(const sim_mem *m, uint64_t addr);
/* Host bytes of the page holding `page_addr` (page aligned), NULL when no
 * region covers it. For a write the page becomes private first. */
uint8_t *mem_host_page(sim_mem *m, uint64_t page_addr, bool for_write);
/* Copy in/out across pages; false if any byte is not backed. */
bool mem_read(sim_mem *m, uint64_t addr, void *buf, size_t len);
bool mem_write(sim_mem *m, uint64_t addr, const void *buf, size_t len);
/* Install a page entry (key p->addr = page address + 1) as it is, replacing
 * any entry for that page: snapshots restore pages with it. */
bool mem_put_page(sim_mem *m, const mem_page *p);

#endif
