/* tests/fuzz/fuzz.h: what every fuzz target shares: the libFuzzer entry
 * point, a deterministic generator and a file-by-descriptor for loaders. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant the code under test broke: print it and abort, which both
 * libFuzzer and the replay driver report as a crash. */
#define FUZZ_CHECK(cond)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* splitmix64: the same input always gives the same sequence. */
static inline uint64_t fuzz_rand(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The bytes as an anonymous in-memory file, for APIs that take a path:
 * fills path with /proc/self/fd/N and returns the descriptor (-1 on
 * failure; the caller closes it). */
int fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t len);

#endif
