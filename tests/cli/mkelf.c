/* tests/cli/mkelf.c: writes small malformed or unusual ELF files for the
 * CLI error tests: mkelf KIND OUT (KIND: nophdr, trunc, overlap, elf32,
 * bigendian, rel, header-only). */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void header(Elf64_Ehdr *h, unsigned phnum)
{
    memset(h, 0, sizeof *h);
    memcpy(h->e_ident, ELFMAG, SELFMAG);
    h->e_ident[EI_CLASS] = ELFCLASS64;
    h->e_ident[EI_DATA] = ELFDATA2LSB;
    h->e_ident[EI_VERSION] = EV_CURRENT;
    h->e_type = ET_EXEC;
    h->e_machine = EM_AARCH64;
    h->e_version = EV_CURRENT;
    h->e_entry = 0x40080000;
    h->e_phoff = phnum ? sizeof *h : 0;
    h->e_ehsize = sizeof *h;
    h->e_phentsize = sizeof(Elf64_Phdr);
    h->e_phnum = (Elf64_Half)phnum;
}

static Elf64_Phdr seg(uint64_t vaddr, uint64_t off, uint64_t filesz, uint64_t memsz)
{
    Elf64_Phdr p = { .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = off,
                     .p_vaddr = vaddr, .p_paddr = vaddr, .p_filesz = filesz,
                     .p_memsz = memsz, .p_align = 0x1000 };
    return p;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkelf KIND OUT\n");
        return 2;
    }
    const char *kind = argv[1];
    unsigned char buf[8192];
    memset(buf, 0, sizeof buf);
    Elf64_Ehdr *h = (Elf64_Ehdr *)buf;
    Elf64_Phdr *ph = (Elf64_Phdr *)(buf + sizeof *h);
    size_t size = sizeof buf;
    if (!strcmp(kind, "nophdr")) {
        header(h, 0);
    } else if (!strcmp(kind, "trunc")) {
        header(h, 1);
        ph[0] = seg(0x40080000, 0x1000, 0x10000, 0x10000); // file is only 8 KiB
    } else if (!strcmp(kind, "overlap")) {
        header(h, 2);
        ph[0] = seg(0x40080000, 0x1000, 0x1000, 0x1000);
        ph[1] = seg(0x40080800, 0x1000, 0x800, 0x800);
    } else if (!strcmp(kind, "elf32")) {
        header(h, 0);
        h->e_ident[EI_CLASS] = ELFCLASS32;
    } else if (!strcmp(kind, "bigendian")) {
        header(h, 0);
        h->e_ident[EI_DATA] = ELFDATA2MSB;
    } else if (!strcmp(kind, "rel")) {
        header(h, 0);
        h->e_type = ET_REL;
    } else if (!strcmp(kind, "header-only")) {
        header(h, 1);
        size = 20; // cut inside the ELF header
    } else {
        fprintf(stderr, "mkelf: unknown kind %s\n", kind);
        return 2;
    }
    FILE *f = fopen(argv[2], "wb");
    if (!f || fwrite(buf, 1, size, f) != size || fclose(f) != 0) {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
