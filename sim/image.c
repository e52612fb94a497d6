/* sim/image.c: ELF loading with libelf: validation with precise messages,
 * segments as file-backed memory regions (mapped, not copied), symbols and
 * the R_AARCH64_RELATIVE relocations of .rela.dyn. */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef R_AARCH64_RELATIVE
#define R_AARCH64_RELATIVE 1027
#endif

static bool fail(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return false;
}

static bool map_file(sim_image *img, const char *path, char *err, size_t len)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fail(err, len, "cannot open: %s", strerror(errno));
    struct stat st = { 0 };
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        bool dir = S_ISDIR(st.st_mode);
        close(fd);
        return fail(err, len, dir ? "is a directory, not an ELF file" : "not a regular file");
    }
    if (st.st_size == 0) {
        close(fd);
        return fail(err, len, "empty file, not an ELF");
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return fail(err, len, "cannot map: %s", strerror(errno));
    img->map = p;
    img->map_size = (size_t)st.st_size;
    return true;
}

static bool check_header(Elf *e, const GElf_Ehdr *eh, char *err, size_t len)
{
    (void)e;
    if (eh->e_ident[EI_CLASS] != ELFCLASS64)
        return fail(err, len, "32-bit ELF; elsim runs AArch64 (64-bit) ELF files");
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(err, len, "big-endian ELF; elsim runs little-endian AArch64");
    if (eh->e_machine != EM_AARCH64)
        return fail(err, len, "ELF machine is %u%s, expected AArch64 (183)", eh->e_machine,
                    eh->e_machine == EM_X86_64 ? " (x86-64)" : "");
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return fail(err, len, "ELF type %u is not an executable (ET_EXEC or ET_DYN): link it first",
                    eh->e_type);
    return true;
}

static bool load_segments(sim_image *img, Elf *e, sim_mem *mem, char *err, size_t len)
{
    size_t nph;
    if (elf_getphdrnum(e, &nph) != 0)
        return fail(err, len, "bad program header table: %s", elf_errmsg(-1));
    img->lo = UINT64_MAX;
    img->segs = calloc(nph ? nph : 1, sizeof *img->segs);
    if (!img->segs)
        return fail(err, len, "out of memory");
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph))
            return fail(err, len, "bad program header %zu: %s", i, elf_errmsg(-1));
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz)
            return fail(err, len, "segment %zu has p_filesz > p_memsz", i);
        if (ph.p_offset > img->map_size || ph.p_filesz > img->map_size - ph.p_offset)
            return fail(err, len, "segment %zu extends past the end of the file (truncated?)", i);
        if (ph.p_vaddr + ph.p_memsz < ph.p_vaddr)
            return fail(err, len, "segment %zu wraps around the address space", i);
        sim_segment *seg = &img->segs[img->nsegments];
        snprintf(seg->name, sizeof seg->name, "segment %zu", i);
        seg->base = ph.p_vaddr;
        seg->size = ph.p_memsz;
        mem_region r = { .base = ph.p_vaddr, .size = ph.p_memsz,
                         .file = ph.p_filesz ? img->map + ph.p_offset : NULL,
                         .file_size = ph.p_filesz, .name = seg->name };
        const mem_region *clash = NULL;
        if (!mem_add_region(mem, &r, &clash))
            return fail(err, len, "segment %zu [0x%llx, 0x%llx) overlaps %s [0x%llx, 0x%llx)", i,
                        (unsigned long long)r.base, (unsigned long long)(r.base + r.size),
                        clash ? clash->name : "another region",
                        clash ? (unsigned long long)clash->base : 0ull,
                        clash ? (unsigned long long)(clash->base + clash->size) : 0ull);
        img->nsegments++;
        if (r.base < img->lo)
            img->lo = r.base;
        if (r.base + r.size > img->hi)
            img->hi = r.base + r.size;
    }
    if (!img->nsegments)
        return fail(err, len, "no PT_LOAD segment: nothing to load");
    return true;
}

static bool is_mapping_symbol(const char *n)
{
    // $x, $d, $x.123...: AArch64 ELF mapping symbols mark code/data, not names
    return n[0] == '$' && (n[1] == 'x' || n[1] == 'd') && (n[2] == 0 || n[2] == '.');
}

static bool read_symbols(sim_image *img, Elf *e, Elf_Scn *scn, const GElf_Shdr *sh, char *err,
                         size_t len)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    if (!d || !sh->sh_entsize)
        return true;
    size_t n = sh->sh_size / sh->sh_entsize;
    for (size_t i = 1; i < n; i++) {
        GElf_Sym s;
        if (!gelf_getsym(d, (int)i, &s))
            break;
        unsigned type = GELF_ST_TYPE(s.st_info);
        if (type == STT_SECTION || type == STT_FILE || s.st_name == 0)
            continue;
        const char *name = elf_strptr(e, sh->sh_link, s.st_name);
        if (!name || !name[0] || is_mapping_symbol(name))
            continue;
        if (!symtab_add(&img->syms, s.st_value, s.st_size, name))
            return fail(err, len, "out of memory reading symbols");
    }
    return true;
}

static bool apply_relocs(sim_image *img, Elf *e, Elf_Scn *scn, const GElf_Shdr *sh, sim_mem *mem,
                         char *err, size_t len)
{
    (void)e;
    Elf_Data *d = elf_getdata(scn, NULL);
    if (!d || !sh->sh_entsize)
        return true;
    size_t n = sh->sh_size / sh->sh_entsize;
    for (size_t i = 0; i < n; i++) {
        GElf_Rela r;
        if (!gelf_getrela(d, (int)i, &r))
            break;
        if (GELF_R_TYPE(r.r_info) != R_AARCH64_RELATIVE)
            continue;
        // loaded at the link address, so the base is 0: value = addend
        uint64_t v = (uint64_t)r.r_addend;
        if (!mem_write(mem, r.r_offset, &v, sizeof v))
            return fail(err, len, "relocation %zu writes 0x%llx outside every segment", i,
                        (unsigned long long)r.r_offset);
        img->nrelocs++;
    }
    return true;
}

static bool read_sections(sim_image *img, Elf *e, sim_mem *mem, char *err, size_t len)
{
    size_t shstrndx;
    if (elf_getshdrstrndx(e, &shstrndx) != 0)
        return true; // no section headers: no symbols, no relocations
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            return fail(err, len, "bad section header: %s", elf_errmsg(-1));
        if (sh.sh_type != SHT_NOBITS && (sh.sh_offset > img->map_size ||
                                          sh.sh_size > img->map_size - sh.sh_offset))
            return fail(err, len, "section %zu extends past the end of the file (truncated?)",
                        elf_ndxscn(scn));
        const char *name = elf_strptr(e, shstrndx, sh.sh_name);
        if (sh.sh_type == SHT_SYMTAB && !read_symbols(img, e, scn, &sh, err, len))
            return false;
        if (sh.sh_type == SHT_RELA && name && strcmp(name, ".rela.dyn") == 0 &&
            !apply_relocs(img, e, scn, &sh, mem, err, len))
            return false;
        // each table read is given back before the next is read
        if (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_RELA)
            image_release_pages(img);
    }
    return true;
}

bool image_load(sim_image *img, const char *path, sim_mem *mem, char *err, size_t len)
{
    memset(img, 0, sizeof *img);
    symtab_init(&img->syms);
    img->path = strdup(path);
    if (!img->path)
        return fail(err, len, "out of memory");
    if (!map_file(img, path, err, len))
        return false;
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, len, "libelf is unusable: %s", elf_errmsg(-1));
    if (img->map_size < 4 || memcmp(img->map, ELFMAG, SELFMAG) != 0)
        return fail(err, len, "not an ELF file (no \\x7fELF magic)");
    if (img->map_size < sizeof(Elf64_Ehdr))
        return fail(err, len, "truncated ELF header (%zu bytes)", img->map_size);
    Elf *e = elf_memory((char *)(uintptr_t)img->map, img->map_size);
    if (!e)
        return fail(err, len, "cannot read ELF: %s", elf_errmsg(-1));
    bool ok = false;
    GElf_Ehdr eh;
    if (elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh))
        fail(err, len, "malformed ELF header (truncated?)");
    else if (check_header(e, &eh, err, len) && load_segments(img, e, mem, err, len) &&
             read_sections(img, e, mem, err, len)) {
        img->entry = eh.e_entry;
        ok = symtab_finish(&img->syms) || fail(err, len, "out of memory sorting symbols");
    }
    elf_end(e);
    if (ok)
        image_release_pages(img);
    return ok;
}

void image_release_pages(const sim_image *img)
{
    // a read-only private mapping never written: dropped pages come back
    // from the page cache when the run touches them again
    if (img->map)
        madvise((void *)(uintptr_t)img->map, img->map_size, MADV_DONTNEED);
}

void image_free(sim_image *img)
{
    if (img->map)
        munmap((void *)(uintptr_t)img->map, img->map_size);
    symtab_fini(&img->syms);
    free(img->segs);
    free(img->path);
    memset(img, 0, sizeof *img);
}

bool image_holds(const sim_image *img, uint64_t addr)
{
    for (unsigned i = 0; i < img->nsegments; i++)
        if (addr - img->segs[i].base < img->segs[i].size)
            return true;
    return false;
}
