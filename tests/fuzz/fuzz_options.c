/* tests/fuzz/fuzz_options.c: arbitrary command lines (NUL- or newline-
 * separated words) through the option parser. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "options.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "sim";
    char *p = buf, *end = buf + size;
    while (p < end && argc <= MAX_ARGS) {
        char *q = p;
        while (q < end && *q && *q != '\n')
            q++;
        *q = 0;
        argv[argc++] = p;
        p = q + 1;
    }
    argv[argc] = NULL;
    sim_options o;
    char err[512];
    err[0] = 0;
    // --help and --version print to stdout: keep the fuzzer's output short
    static bool quiet;
    if (!quiet)
        quiet = freopen("/dev/null", "w", stdout) != NULL;
    enum cli_result r = cli_parse(argc, argv, &o, err, sizeof err);
    // parsing is repeatable: nothing of a previous parse leaks into the next
    static sim_options o2;
    char err2[512];
    err2[0] = 0;
    enum cli_result r2 = cli_parse(argc, argv, &o2, err2, sizeof err2);
    FUZZ_CHECK(r2 == r && strcmp(err2, err) == 0);
    FUZZ_CHECK(r != CLI_RUN || memcmp(&o, &o2, sizeof o) == 0);
    if (r == CLI_ERROR) {
        // the words have no newline (it separates them): one line
        FUZZ_CHECK(err[0] != 0);
        FUZZ_CHECK(strchr(err, '\n') == NULL);
    } else if (r == CLI_RUN) {
        FUZZ_CHECK(o.elf || o.script);
        FUZZ_CHECK(o.el == 1 || o.el == 2);
        FUZZ_CHECK(o.nrams >= 1 && o.nrams <= SIM_MAX_RAMS);
        FUZZ_CHECK(o.ndumps <= SIM_MAX_DUMPS && o.ninject <= SIM_MAX_INJECT);
        for (unsigned i = 0; i < o.nrams; i++)
            FUZZ_CHECK(o.rams[i].len > 0 && o.rams[i].addr + o.rams[i].len >= o.rams[i].addr);
        for (unsigned i = 0; i < o.ninject; i++)
            FUZZ_CHECK(o.inject[i].kind < INJ_KINDS && o.inject[i].where[0]);
        FUZZ_CHECK(o.max_cycles > 0 && o.max_insns > 0);
    }
    free(buf);
    return 0;
}
