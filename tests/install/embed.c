/* tests/install/embed.c: a program built against an installed elsim with
 * nothing but `pkg-config --cflags --libs elsim`: it loads a bare-metal ELF
 * into a machine of its own, runs it to PSCI SYSTEM_OFF and prints x22 and
 * x23 (bare_arith.elf computes 52 / 7: quotient 7, remainder 3). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "machine.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed FILE.elf\n");
        return 2;
    }
    static sim_machine m; // large: not on the stack
    char err[512];
    if (!machine_init(&m))
        return 2;
    if (!machine_use_model(&m, "generic", NULL, err, sizeof err) ||
        !machine_add_ram(&m, UINT64_C(0x40000000), UINT64_C(1) << 30, err, sizeof err)) {
        fprintf(stderr, "embed: %s\n", err);
        return 2;
    }
    const sim_image *img = machine_load(&m, argv[1], err, sizeof err);
    if (!img) {
        fprintf(stderr, "embed: %s\n", err);
        return 2;
    }
    machine_start(&m, 2, img->entry, UINT64_C(0x80000000));
    int stop = machine_run(&m);
    printf("stop=%d x22=%" PRIu64 " x23=%" PRIu64 "\n", stop, m.cpu.x[22], m.cpu.x[23]);
    machine_fini(&m);
    return 0;
}
