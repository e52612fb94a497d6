/* tests/test_image.c: ELF loading: a 300 MB image loads in well under a
 * second because its pages are mapped, not read; R_AARCH64_RELATIVE
 * entries are applied; symbols are found by name and by address. */
#include <elf.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "image.h"

#define BIG_SIZE (UINT64_C(300) << 20)
#define LOAD_ADDR UINT64_C(0x40080000)

/* Layout of the generated file: header, 1 phdr, section headers (null,
 * .symtab, .strtab, .rela.dyn, .shstrtab), their data, then the segment. */
struct small_elf {
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    Elf64_Shdr sh[5];
    Elf64_Sym sym[3];
    char strtab[32];
    Elf64_Rela rela[1];
    char shstrtab[48];
};

static char *write_elf(uint64_t seg_size)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/elsim-test-image-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    struct small_elf e;
    memset(&e, 0, sizeof e);
    memcpy(e.eh.e_ident, ELFMAG, SELFMAG);
    e.eh.e_ident[EI_CLASS] = ELFCLASS64;
    e.eh.e_ident[EI_DATA] = ELFDATA2LSB;
    e.eh.e_ident[EI_VERSION] = EV_CURRENT;
    e.eh.e_type = ET_EXEC;
    e.eh.e_machine = EM_AARCH64;
    e.eh.e_version = EV_CURRENT;
    e.eh.e_entry = LOAD_ADDR;
    e.eh.e_phoff = offsetof(struct small_elf, ph);
    e.eh.e_shoff = offsetof(struct small_elf, sh);
    e.eh.e_ehsize = sizeof e.eh;
    e.eh.e_phentsize = sizeof e.ph;
    e.eh.e_phnum = 1;
    e.eh.e_shentsize = sizeof e.sh[0];
    e.eh.e_shnum = 5;
    e.eh.e_shstrndx = 4;
    uint64_t seg_off = 0x10000;
    e.ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = seg_off,
                         .p_vaddr = LOAD_ADDR, .p_paddr = LOAD_ADDR, .p_filesz = seg_size,
                         .p_memsz = seg_size, .p_align = 0x10000 };
    memcpy(e.strtab, "\0alpha\0beta", 12);
    e.sym[1] = (Elf64_Sym){ .st_name = 1, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC),
                            .st_shndx = 1, .st_value = LOAD_ADDR + 0x100, .st_size = 0x40 };
    e.sym[2] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT),
                            .st_shndx = 1, .st_value = LOAD_ADDR + 0x2000, .st_size = 8 };
    e.rela[0] = (Elf64_Rela){ .r_offset = LOAD_ADDR + 0x2000,
                              .r_info = ELF64_R_INFO(0, R_AARCH64_RELATIVE),
                              .r_addend = (Elf64_Sxword)(LOAD_ADDR + 0x100) };
    memcpy(e.shstrtab, "\0.symtab\0.strtab\0.rela.dyn\0.shstrtab", 37);
    e.sh[1] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_SYMTAB, .sh_offset = offsetof(struct small_elf, sym),
                            .sh_size = sizeof e.sym, .sh_link = 2, .sh_info = 1, .sh_entsize = sizeof e.sym[0] };
    e.sh[2] = (Elf64_Shdr){ .sh_name = 9, .sh_type = SHT_STRTAB, .sh_offset = offsetof(struct small_elf, strtab),
                            .sh_size = sizeof e.strtab };
    e.sh[3] = (Elf64_Shdr){ .sh_name = 17, .sh_type = SHT_RELA, .sh_offset = offsetof(struct small_elf, rela),
                            .sh_size = sizeof e.rela, .sh_link = 1, .sh_entsize = sizeof e.rela[0] };
    e.sh[4] = (Elf64_Shdr){ .sh_name = 27, .sh_type = SHT_STRTAB, .sh_offset = offsetof(struct small_elf, shstrtab),
                            .sh_size = sizeof e.shstrtab };
    assert_int_equal(write(fd, &e, sizeof e), (ssize_t)sizeof e);
    // the segment is a hole: a sparse file costs no disk and no read time
    assert_int_equal(ftruncate(fd, (off_t)(seg_off + seg_size)), 0);
    close(fd);
    return path;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_big_image_loads_fast(void **state)
{
    (void)state;
    char *path = write_elf(BIG_SIZE);
    sim_mem m;
    assert_true(mem_init(&m));
    sim_image img;
    char err[256] = "";
    double t0 = now();
    bool ok = image_load(&img, path, &m, err, sizeof err);
    double dt = now() - t0;
    unlink(path);
    if (!ok)
        fail_msg("load failed: %s", err);
    print_message("300 MB image loaded in %.3f s\n", dt);
    assert_true(dt < 0.25);
    assert_int_equal(img.entry, LOAD_ADDR);
    assert_int_equal(img.lo, LOAD_ADDR);
    assert_int_equal(img.hi, LOAD_ADDR + BIG_SIZE);
    assert_true(m.nused < 16); // only the relocated page was materialised
    image_free(&img);
    mem_fini(&m);
}

static void test_relocations_and_symbols(void **state)
{
    (void)state;
    char *path = write_elf(0x10000);
    sim_mem m;
    assert_true(mem_init(&m));
    sim_image img;
    char err[256] = "";
    bool ok = image_load(&img, path, &m, err, sizeof err);
    unlink(path);
    if (!ok)
        fail_msg("load failed: %s", err);
    uint64_t v = 0;
    assert_true(mem_read(&m, LOAD_ADDR + 0x2000, &v, 8));
    assert_int_equal(v, LOAD_ADDR + 0x100); // R_AARCH64_RELATIVE: base 0 + addend
    assert_int_equal(img.nrelocs, 1);
    const sim_sym *s = symtab_find(&img.syms, "beta");
    assert_non_null(s);
    assert_int_equal(s->addr, LOAD_ADDR + 0x2000);
    assert_null(symtab_find(&img.syms, "gamma"));
    uint64_t off = 0;
    s = symtab_at(&img.syms, LOAD_ADDR + 0x123, &off);
    assert_non_null(s);
    assert_string_equal(s->name, "alpha");
    assert_int_equal(off, 0x23);
    assert_null(symtab_at(&img.syms, LOAD_ADDR, &off));
    image_free(&img);
    mem_fini(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_big_image_loads_fast),
        cmocka_unit_test(test_relocations_and_symbols),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
