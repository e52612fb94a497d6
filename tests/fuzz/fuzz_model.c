/* tests/fuzz/fuzz_model.c: arbitrary bytes as a CPU model file (Lua); the
 * load ends with a model or a one-line message, in bounded time. */
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    sim_model mdl;
    char err[512];
    err[0] = 0;
    if (model_load(path, &mdl, err, sizeof err)) {
        FUZZ_CHECK(memchr(mdl.name, 0, sizeof mdl.name) != NULL);
        FUZZ_CHECK(mdl.midr <= 0xffffffff);
        FUZZ_CHECK(mdl.async_policy <= A64_ASYNC_LATEST);
    } else {
        // sim prints it as one line on stderr
        FUZZ_CHECK(err[0] != 0 && !strchr(err, '\n'));
    }
    close(fd);
    return 0;
}
