/* tests/fuzz/fuzz_inject.c: arbitrary `--inject` specifications parsed and
 * resolved against a machine whose image has a few symbols. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "inject.h"
#include "machine.h"

static sim_machine machine;

static void setup(sim_machine *m)
{
    static const struct { const char *name; uint64_t addr; } syms[] = {
        { "_start", 0x40080000 }, { "__guest_exit", 0x40081000 },
        { "abort_guest_exit_start", 0x40081040 }, { "vectors", 0x40082000 },
        { "x", 0 }, { "top", UINT64_C(0xfffffffffffffffc) },
    };
    FUZZ_CHECK(machine_init(m));
    sim_image *img = &m->images[0];
    symtab_init(&img->syms);
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
        FUZZ_CHECK(symtab_add(&img->syms, syms[i].addr, 4, syms[i].name));
    FUZZ_CHECK(symtab_finish(&img->syms));
    // one segment over the code symbols: addresses outside it are refused
    static char path[] = "fuzz.elf";
    static sim_segment seg = { .base = 0x40080000, .size = 0x10000, .name = "segment 0" };
    img->path = path;
    img->segs = &seg;
    img->nsegments = 1;
    img->lo = seg.base;
    img->hi = seg.base + seg.size;
    m->nimages = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready) {
        setup(&machine);
        ready = true;
    }
    char *spec = malloc(size + 1);
    if (!spec)
        return 0;
    memcpy(spec, data, size);
    spec[size] = 0;
    // a message quotes the specification: one line unless it has a newline
    bool nl = strchr(spec, '\n') != NULL;
    sim_injection inj;
    char err[512];
    err[0] = 0;
    if (inject_parse(spec, &inj, err, sizeof err)) {
        FUZZ_CHECK(inj.kind < INJ_KINDS && inj.trig <= TRIG_CYCLE);
        FUZZ_CHECK(inj.where[0] && memchr(inj.where, 0, sizeof inj.where));
        FUZZ_CHECK(!inj.has_iss || inj.kind == INJ_SERROR || inj.kind == INJ_VSERROR);
        sim_machine *m = &machine;
        m->ninj = m->nunfired = 0;
        err[0] = 0;
        if (machine_add_injection(m, &inj, err, sizeof err)) {
            FUZZ_CHECK(m->ninj == 1 && m->nunfired == 1);
            char sym[128];
            machine_symbolize(m, m->inj[0].value, sym, sizeof sym);
        } else {
            FUZZ_CHECK(err[0] && (nl || !strchr(err, '\n')));
        }
    } else {
        FUZZ_CHECK(err[0] && (nl || !strchr(err, '\n')));
    }
    free(spec);
    return 0;
}
