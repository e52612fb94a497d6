/* tests/test_crc.c: CRC32B/H/W/X and CRC32CB/CH/CW/CX (FEAT_CRC32): single
 * steps, the catalogue check values by chaining, UNDEFINED cases, the ID
 * field and the models that advertise the feature. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "idregs.h"
#include "model.h"
#include "sysreg.h"
#include "testcpu.h"

#define SENT UINT64_C(0x5e5e5e5e5e5e5e5e) /* what rd holds before */
#define RD_NONE 31
#define ISAR0_CRC32(c) (((c)->sr[SR_ID_AA64ISAR0_EL1] >> 16) & 0xf)

static uint64_t sentinel(unsigned r) { return UINT64_C(0x5e5e000000000000) | (r * 0x01010101u); }

/* A CPU at EL1 with FEAT_CRC32 (tc_new's CPU has only EL2), x0..x3 from
 * the caller and a sentinel in every other register. */
static testcpu *crc_cpu(const uint64_t *x4, bool feat)
{
    testcpu *t = tc_new(A64_EL1);
    a64_cpu *c = &t->cpu;
    if (feat)
        c->feat |= FEAT_BIT(FEAT_CRC32);
    for (unsigned r = 0; r < 31; r++)
        c->x[r] = r < 4 ? x4[r] : sentinel(r);
    return t;
}

/* ---- single instructions ----
 * Expected values: the first rows are entries of the well-known byte
 * tables (CRC-32: [1] = 0x77073096, [0x80] = 0xEDB88320, [0xff] =
 * 0x2D02EF8D; CRC-32C: [1] = 0xF26B8303, [0xff] = 0xAD7D5351), a zero
 * accumulator and one data byte being exactly a table lookup. The others
 * were run under qemu-aarch64 (-march=armv8-a+crc), the same inputs. */
typedef struct crc_case {
    unsigned op;
    uint32_t word;
    const char *text; /* Capstone's text for word */
    uint64_t x[4];    /* x0..x3 before */
    unsigned rd;      /* the only register that may change (RD_NONE: none) */
    uint64_t want;
} crc_case;

static const crc_case cases[] = {
    { OP_CRC32B, 0x1ac24020, "crc32b w0, w1, w2", { SENT, 0, 1 }, 0, 0x77073096 },
    { OP_CRC32B, 0x1ac24020, "crc32b w0, w1, w2", { SENT, 0, 0x80 }, 0, 0xedb88320 },
    // Wn's upper half and Rm above the byte are ignored
    { OP_CRC32B, 0x1ac24020, "crc32b w0, w1, w2", { SENT, 0xffffffff00000000, 0xabcdef00000000ff }, 0, 0x2d02ef8d },
    { OP_CRC32CB, 0x1ac25020, "crc32cb w0, w1, w2", { SENT, 0, 1 }, 0, 0xf26b8303 },
    { OP_CRC32CB, 0x1ac25020, "crc32cb w0, w1, w2", { SENT, 0xffffffff00000000, 0xabcdef00000000ff }, 0, 0xad7d5351 },
    // qemu-aarch64
    { OP_CRC32H, 0x1ac24420, "crc32h w0, w1, w2", { SENT, 0xdeadbeef12345678, 0xffffffffffff1234 }, 0, 0x2d7d97b4 },
    { OP_CRC32W, 0x1ac24820, "crc32w w0, w1, w2", { SENT, 0xffffffff, 0x0123456789abcdef }, 0, 0x10472a38 },
    { OP_CRC32X, 0x9ac24c20, "crc32x w0, w1, x2", { SENT, 0x5e5e5e5e89abcdef, 0xfedcba9876543210 }, 0, 0x5d68c713 },
    { OP_CRC32CH, 0x1ac25420, "crc32ch w0, w1, w2", { SENT, 0xdeadbeef12345678, 0xffffffffffff1234 }, 0, 0xaa68fcf7 },
    { OP_CRC32CW, 0x1ac25820, "crc32cw w0, w1, w2", { SENT, 0xffffffff, 0x0123456789abcdef }, 0, 0xee8c8012 },
    { OP_CRC32CX, 0x9ac25c20, "crc32cx w0, w1, x2", { SENT, 0x5e5e5e5e89abcdef, 0xfedcba9876543210 }, 0, 0xe43174ce },
    // zero registers: CRC of zeros from zero is zero, zero-extended into
    // x3; a WZR destination discards the result
    { OP_CRC32CX, 0x9adf5fe3, "crc32cx w3, wzr, xzr", { SENT, 1, 2, SENT }, 3, 0 },
    { OP_CRC32W, 0x1ac2483f, "crc32w wzr, w1, w2", { SENT, 1, 2 }, RD_NONE, 0 },
};

static void test_single(void **state)
{
    (void)state;
    assert_true(a64_decode_init(NULL, 0));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const crc_case *k = &cases[i];
        tc_assert_disasm(k->word, k->text);
        if (a64_decode_op(k->word) != k->op)
            fail_msg("\"%s\": decodes to op %u, want %u", k->text, a64_decode_op(k->word), k->op);
        testcpu *t = crc_cpu(k->x, true);
        a64_cpu *c = &t->cpu;
        tc_exec1(t, k->word);
        if (c->exc_taken != 0 || c->pc != TC_CODE + 4)
            fail_msg("\"%s\": exception taken (pc 0x%llx)", k->text, (unsigned long long)c->pc);
        for (unsigned r = 0; r < 31; r++) {
            uint64_t want = r == k->rd ? k->want : r < 4 ? k->x[r] : sentinel(r);
            if (c->x[r] != want)
                fail_msg("\"%s\" (row %zu): x%u = 0x%016llx, want 0x%016llx", k->text, i, r,
                         (unsigned long long)c->x[r], (unsigned long long)want);
        }
        tc_free(t);
    }
}

/* ---- check values ----
 * CRC-32 and CRC-32C of "123456789" (init 0xFFFFFFFF, final XOR
 * 0xFFFFFFFF, reflected: the catalogue's check values 0xCBF43926 and
 * 0xE3069283), computed by a program of CRC instructions, one per chunk,
 * with the chunks in x2, x3...: each chunk register is an 8-byte
 * little-endian load from the chunk's position, so for B/H/W the bytes
 * past the chunk must be ignored. The accumulator is w1, its upper half
 * garbage at the start and zero after each step. */
static const char check_msg[] = "123456789";

static uint32_t crc_word(bool castagnoli, unsigned sz, unsigned d, unsigned n, unsigned m)
{
    return (sz == 3 ? 1u << 31 : 0) | 0x1ac04000u | m << 16 | (castagnoli ? 1u << 12 : 0) | sz << 10 |
           n << 5 | d;
}

/* Run the chunking `szs` (log2 byte counts, summing to 9 bytes) with the
 * CRC-32 (castagnoli false) or CRC-32C instructions; returns ~w1. */
static uint32_t run_chain(bool castagnoli, const unsigned *szs, unsigned nchunks)
{
    uint32_t code[9];
    uint64_t x4[4] = { SENT, UINT64_C(0xabcdef01ffffffff), 0, 0 };
    testcpu *t = crc_cpu(x4, true);
    a64_cpu *c = &t->cpu;
    unsigned pos = 0;
    assert_in_range(nchunks, 1, 9);
    for (unsigned i = 0; i < nchunks; i++) {
        unsigned m = 2 + i;
        uint8_t bytes[8];
        for (unsigned b = 0; b < 8; b++)
            bytes[b] = pos + b < 9 ? (uint8_t)check_msg[pos + b] : 0xa5;
        uint64_t v = 0;
        for (unsigned b = 8; b-- > 0;)
            v = v << 8 | bytes[b];
        c->x[m] = v;
        code[i] = crc_word(castagnoli, szs[i], 1, 1, m);
        char text[40];
        snprintf(text, sizeof text, "crc32%s%c w1, w1, %c%u", castagnoli ? "c" : "", "bhwx"[szs[i]],
                 szs[i] == 3 ? 'x' : 'w', m);
        tc_assert_disasm(code[i], text);
        pos += 1u << szs[i];
    }
    assert_int_equal(pos, 9);
    tc_put_code(t, TC_CODE, code, nchunks);
    tc_run(t, nchunks);
    assert_int_equal(c->exc_taken, 0);
    assert_int_equal(c->pc, TC_CODE + 4 * nchunks);
    assert_int_equal(c->x[1] >> 32, 0); // the result is zero-extended
    uint32_t crc = ~(uint32_t)c->x[1];
    tc_free(t);
    return crc;
}

static void test_check_values(void **state)
{
    (void)state;
    static const struct {
        unsigned n, szs[9];
    } chunkings[] = {
        { 9, { 0, 0, 0, 0, 0, 0, 0, 0, 0 } }, // B x9
        { 5, { 1, 1, 1, 1, 0 } },             // H x4, B
        { 3, { 2, 2, 0 } },                   // W x2, B
        { 2, { 3, 0 } },                      // X, B
        { 4, { 0, 1, 2, 1 } },                // B, H, W, H: unaligned chunks
        { 2, { 0, 3 } },                      // B, X
    };
    for (size_t i = 0; i < sizeof chunkings / sizeof chunkings[0]; i++) {
        uint32_t got = run_chain(false, chunkings[i].szs, chunkings[i].n);
        if (got != 0xcbf43926)
            fail_msg("CRC-32 chunking %zu: 0x%08x, want 0xcbf43926", i, got);
        got = run_chain(true, chunkings[i].szs, chunkings[i].n);
        if (got != 0xe3069283)
            fail_msg("CRC-32C chunking %zu: 0x%08x, want 0xe3069283", i, got);
    }
}

/* ---- UNDEFINED ---- */

static void expect_undef(uint32_t word, bool feat, const char *why)
{
    uint64_t in[4] = { 1, 2, 3, 4 };
    testcpu *t = crc_cpu(in, feat);
    a64_cpu *c = &t->cpu;
    tc_exec1(t, word);
    if (c->exc_taken != 1 || c->pc != TC_VBAR + VEC_CUR_SPX ||
        (c->sr[SR_ESR_EL1] >> ESR_EC_SHIFT) != EC_UNKNOWN || !(c->sr[SR_ESR_EL1] & ESR_IL) ||
        c->sr[SR_ELR_EL1] != TC_CODE)
        fail_msg("0x%08x (%s): not UNDEFINED (taken %llu, pc 0x%llx, esr 0x%llx)", word, why,
                 (unsigned long long)c->exc_taken, (unsigned long long)c->pc,
                 (unsigned long long)c->sr[SR_ESR_EL1]);
    for (unsigned r = 0; r < 31; r++)
        assert_int_equal(c->x[r], r < 4 ? in[r] : sentinel(r));
    tc_free(t);
}

/* Without FEAT_CRC32 (an Armv8.0 part without the option) every row is
 * UNDEFINED. */
static void test_no_feature(void **state)
{
    (void)state;
    assert_true(a64_decode_init(NULL, 0));
    static const uint32_t words[] = { 0x1ac24020, 0x1ac24420, 0x1ac24820, 0x9ac24c20,
                                      0x1ac25020, 0x1ac25420, 0x1ac25820, 0x9ac25c20 };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        assert_true(a64_decode_op(words[i]) != OP_UNALLOCATED);
        expect_undef(words[i], false, "no FEAT_CRC32");
    }
}

/* sf must be 1 exactly for sz = 11: the other pairs match no row, are
 * UNDEFINED with the feature, and Capstone does not know them either. */
static void test_unallocated(void **state)
{
    (void)state;
    assert_true(a64_decode_init(NULL, 0));
    static const struct {
        uint32_t word;
        const char *why;
    } words[] = {
        { 0x9ac24020, "crc32b with sf 1" },  { 0x9ac24420, "crc32h with sf 1" },
        { 0x9ac24820, "crc32w with sf 1" },  { 0x1ac24c20, "crc32x with sf 0" },
        { 0x9ac25020, "crc32cb with sf 1" }, { 0x9ac25420, "crc32ch with sf 1" },
        { 0x9ac25820, "crc32cw with sf 1" }, { 0x1ac25c20, "crc32cx with sf 0" },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char buf[128];
        if (tc_disasm(words[i].word, buf, sizeof buf))
            fail_msg("0x%08x (%s): Capstone knows it as \"%s\"", words[i].word, words[i].why, buf);
        assert_int_equal(a64_decode_op(words[i].word), OP_UNALLOCATED);
        expect_undef(words[i].word, true, words[i].why);
    }
}

/* ---- advertising ---- */

/* ID_AA64ISAR0_EL1.CRC32, bits [19:16]: 1 with the feature, 0 without. */
static void test_id_field(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->feat &= ~FEAT_BIT(FEAT_CRC32);
    a64_set_id_registers(c);
    assert_int_equal(ISAR0_CRC32(c), 0);
    c->feat |= FEAT_BIT(FEAT_CRC32);
    a64_set_id_registers(c);
    assert_int_equal(ISAR0_CRC32(c), 1);
    tc_free(t);
}

/* The shipped models: generic and neoverse-n1 (Armv8.2, where CRC32 is
 * mandatory) advertise it and execute it; cortex-a53 does not list it. */
static void test_models(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        bool crc;
    } models[] = { { "generic", true }, { "neoverse-n1", true }, { "cortex-a53", false } };
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        sim_model mdl;
        char err[256];
        if (!model_load(models[i].name, &mdl, err, sizeof err))
            fail_msg("%s: %s", models[i].name, err);
        testcpu *t = tc_new(A64_EL1);
        a64_cpu *c = &t->cpu;
        model_apply(&mdl, c);
        if (ISAR0_CRC32(c) != (models[i].crc ? 1u : 0u))
            fail_msg("%s: ID_AA64ISAR0_EL1.CRC32 = %u", models[i].name, (unsigned)ISAR0_CRC32(c));
        c->x[1] = 0;
        c->x[2] = 1;
        tc_exec1(t, 0x1ac24020); // crc32b w0, w1, w2
        if (models[i].crc ? (c->exc_taken || c->x[0] != 0x77073096) : c->exc_taken != 1)
            fail_msg("%s: crc32b %s", models[i].name, models[i].crc ? "failed" : "executed");
        tc_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single),     cmocka_unit_test(test_check_values),
        cmocka_unit_test(test_no_feature), cmocka_unit_test(test_unallocated),
        cmocka_unit_test(test_id_field),   cmocka_unit_test(test_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
