/* tests/fuzz/fuzz_elf.c: arbitrary bytes loaded as an ELF file into a fresh
 * memory; a failure must be a message, a success a readable image. */
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "image.h"
#include "mem.h"

/* Touch at most this many pages of each loaded segment. */
#define MAX_PAGES 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    sim_mem mem;
    FUZZ_CHECK(mem_init(&mem));
    sim_image img;
    char err[256];
    err[0] = 0;
    if (image_load(&img, path, &mem, err, sizeof err)) {
        FUZZ_CHECK(img.nsegments > 0 && img.lo < img.hi);
        // every loaded byte is readable, and writable (copy-on-write)
        for (size_t r = 0; r < mem.nregions; r++) {
            const mem_region *reg = &mem.regions[r];
            uint64_t page = reg->base & ~(uint64_t)(MEM_PAGE_SIZE - 1);
            for (unsigned i = 0; i < MAX_PAGES && page < reg->base + reg->size; i++) {
                uint8_t buf[16];
                uint64_t a = page < reg->base ? reg->base : page;
                size_t len = reg->base + reg->size - a < sizeof buf ? (size_t)(reg->base + reg->size - a) : sizeof buf;
                FUZZ_CHECK(mem_read(&mem, a, buf, len));
                FUZZ_CHECK(mem_write(&mem, a, buf, len));
                if (page + MEM_PAGE_SIZE < page)
                    break;
                page += MEM_PAGE_SIZE;
            }
        }
        // symbols: each can be found by name and by address
        for (size_t i = 0; i < img.syms.n; i++) {
            uint64_t off;
            FUZZ_CHECK(symtab_find(&img.syms, img.syms.by_addr[i].name) != NULL);
            FUZZ_CHECK(symtab_at(&img.syms, img.syms.by_addr[i].addr, &off) != NULL);
        }
    } else {
        FUZZ_CHECK(err[0] != 0);
        FUZZ_CHECK(strchr(err, '\n') == NULL); // sim prints it as one line
    }
    image_free(&img);
    mem_fini(&mem);
    close(fd);
    return 0;
}
