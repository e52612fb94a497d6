/* tests/fuzz/fuzz_guest.c: arbitrary instruction words as an EL1 guest
 * behind the world-switch harness and one of the project's hyps. */
#include <elf.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "harness.h"
#include "machine.h"
#include "options.h"

/* Input: 8 bytes seed (the low bits pick the hyp), then guest words. */
#define HDR 8
#define MAX_WORDS 256
#define GUEST_BASE UINT64_C(0x48000000)
#define CODE_OFF 0x800 /* after the vectors */

static const char *const hyps[] = { "hyp-v56.elf", "hyp-v414.elf", "hyp-v56-ras.elf", "hyp-v414-nowindow.elf" };
static char hyp_path[4][1024];
static sim_machine machine;
static harness h;

/* The hyps come from the build, found through ELSIM_PATH as scripts find them. */
static void find_hyps(void)
{
    const char *path = getenv("ELSIM_PATH");
    for (unsigned i = 0; i < 4; i++) {
        const char *p = path;
        while (p && *p && !hyp_path[i][0]) {
            size_t n = strcspn(p, ":");
            char cand[1024];
            snprintf(cand, sizeof cand, "%.*s/%s", (int)n, p, hyps[i]);
            if (access(cand, R_OK) == 0)
                snprintf(hyp_path[i], sizeof hyp_path[i], "%s", cand);
            p += n + (p[n] == ':');
        }
        if (!hyp_path[i][0]) {
            fprintf(stderr, "fuzz_guest: %s not found: set ELSIM_PATH to the build's testdata/hyp\n", hyps[i]);
            abort();
        }
    }
}

static void put32(uint8_t *img, size_t off, uint32_t w) { memcpy(img + off, &w, 4); }

/* A guest ELF: vectors at GUEST_BASE that step over whatever trapped, a
 * prologue that sets VBAR_EL1 and registers, the words, then SYSTEM_OFF. */
static size_t make_guest(uint8_t *img, size_t cap, uint64_t seed, const uint32_t *words, size_t n)
{
    size_t code_len = CODE_OFF + 4 * (40 + n + 4);
    size_t file_off = 0x1000;
    if (file_off + code_len > cap)
        return 0;
    memset(img, 0, file_off + code_len);
    Elf64_Ehdr eh = { .e_type = ET_EXEC, .e_machine = EM_AARCH64, .e_version = EV_CURRENT,
                      .e_entry = GUEST_BASE + CODE_OFF, .e_phoff = sizeof eh, .e_ehsize = sizeof eh,
                      .e_phentsize = sizeof(Elf64_Phdr), .e_phnum = 1 };
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    Elf64_Phdr ph = { .p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X, .p_offset = file_off,
                      .p_vaddr = GUEST_BASE, .p_paddr = GUEST_BASE, .p_filesz = code_len,
                      .p_memsz = 0x10000, .p_align = 0x1000 };
    memcpy(img, &eh, sizeof eh);
    memcpy(img + sizeof eh, &ph, sizeof ph);
    uint8_t *g = img + file_off;
    // 16 vectors: mrs x17, elr_el1; add x17, x17, #4; msr elr_el1, x17; eret
    for (unsigned v = 0; v < 16; v++) {
        put32(g, 0x80 * v + 0, 0xd5384031);
        put32(g, 0x80 * v + 4, 0x91001231);
        put32(g, 0x80 * v + 8, 0xd5184031);
        put32(g, 0x80 * v + 12, 0xd69f03e0);
    }
    size_t o = CODE_OFF;
    // adr x0, GUEST_BASE (back CODE_OFF bytes); msr vbar_el1, x0
    int32_t back = -(int32_t)CODE_OFF;
    uint32_t imm = (uint32_t)back & 0x1fffff;
    put32(g, o, 0x10000000 | ((imm & 3) << 29) | ((imm >> 2) << 5)), o += 4;
    put32(g, o, 0xd518c000), o += 4;
    // x0..x7: movz/movk of seed-derived values, half of them into the guest image
    for (unsigned r = 0; r < 8; r++) {
        uint64_t v = fuzz_rand(&seed);
        if (v & 1)
            v = GUEST_BASE + ((v >> 8) & 0xfff8);
        for (unsigned hw = 0; hw < 4; hw++) {
            uint32_t part = (uint32_t)(v >> (16 * hw)) & 0xffff;
            put32(g, o, (hw ? 0xf2800000u : 0xd2800000u) | (hw << 21) | (part << 5) | r), o += 4;
        }
    }
    memcpy(g + o, words, 4 * n);
    o += 4 * n;
    // movz w0, #8; movk w0, #0x8400, lsl #16; hvc #0: PSCI SYSTEM_OFF
    put32(g, o, 0x52800100), o += 4;
    put32(g, o, 0x72b08000), o += 4;
    put32(g, o, 0xd4000002), o += 4;
    put32(g, o, 0x14000000), o += 4; // b .
    return file_off + code_len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HDR)
        return 0;
    if (!hyp_path[0][0])
        find_hyps();
    uint64_t seed;
    memcpy(&seed, data, 8);
    uint32_t words[MAX_WORDS];
    size_t n = (size - HDR) / 4;
    if (n > MAX_WORDS)
        n = MAX_WORDS;
    memcpy(words, data + HDR, 4 * n);
    static uint8_t img[0x4000];
    size_t len = make_guest(img, sizeof img, seed, words, n);
    FUZZ_CHECK(len);
    char guest[64];
    int fd = fuzz_memfile(img, len, guest, sizeof guest);
    if (fd < 0)
        return 0;

    sim_machine *m = &machine;
    char err[512];
    FUZZ_CHECK(machine_init(m));
    FUZZ_CHECK(machine_use_model(m, (seed & 4) ? "neoverse-n1" : "generic", (seed & 8) ? "latest" : NULL, err,
                                 sizeof err));
    FUZZ_CHECK(machine_add_ram(m, UINT64_C(0x40000000), UINT64_C(1) << 30, err, sizeof err));
    m->insn_limit = 30000;
    m->cycle_limit = 60000;
    if (!harness_init(&h, m, hyp_path[seed & 3], guest, NULL, err, sizeof err)) {
        fprintf(stderr, "fuzz_guest: %s\n", err);
        abort(); // the guest image is always loadable
    }
    harness_run(&h);
    a64_cpu *c = &m->cpu;
    FUZZ_CHECK(c->ps.el <= A64_EL2 && c->ps.sp <= 1 && c->x[31] == 0);
    FUZZ_CHECK(h.end != HEND_RUNNING);
    int status = harness_exit_status(&h);
    FUZZ_CHECK(status >= SIM_EXIT_OK && status <= SIM_EXIT_LIMIT);
    if (getenv("ELSIM_FUZZ_VERBOSE")) // what a seed does: end, entries, instructions
        fprintf(stderr, "fuzz_guest: %s: status %d (%s), %llu entries, %llu instructions\n", hyps[seed & 3],
                status, h.why, (unsigned long long)h.entries, (unsigned long long)c->insns);
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    if (devnull) {
        harness_report_text(devnull, &h);
        FUZZ_CHECK(harness_report_json(devnull, &h));
    }
    machine_fini(m);
    close(fd);
    return 0;
}
