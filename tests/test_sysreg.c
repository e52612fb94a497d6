/* tests/test_sysreg.c: the system-register table checked as data (unique
 * names and encodings, MRS round trip, Capstone's names) and swept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "regs.h"
#include "syndrome.h"
#include "sysreg.h"
#include "testcpu.h"

/* MRS Xt, <reg> / MSR <reg>, Xt: op0[1] is the fixed bit 20, so the
 * encoding's op0 lands on bits [20:19] (Arm ARM C6.2, MRS and MSR). */
#define MRS_BASE 0xd5300000u
#define MSR_BASE 0xd5100000u
#define ALL_FEATURES (~UINT64_C(0))
#define MAX_REPORTS 20

static uint32_t mrs_word(uint32_t enc, unsigned rt) { return MRS_BASE | enc << 5 | rt; }
static uint32_t msr_word(uint32_t enc, unsigned rt) { return MSR_BASE | enc << 5 | rt; }

static void test_names_unique(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        assert_int_equal(sysreg_by_name(sysreg_table[i].name), i);
        for (int j = i + 1; j < SR_COUNT; j++)
            if (strcasecmp(sysreg_table[i].name, sysreg_table[j].name) == 0)
                fail_msg("%s and %s differ only in case", sysreg_table[i].name, sysreg_table[j].name);
    }
    assert_int_equal(sysreg_by_name("NO_SUCH_REG"), -1);
}

static void test_encodings_unique(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++)
        for (int j = i + 1; j < SR_COUNT; j++)
            if (sysreg_table[i].enc == sysreg_table[j].enc)
                fail_msg("%s and %s share encoding 0x%04x", sysreg_table[i].name,
                         sysreg_table[j].name, sysreg_table[i].enc);
}

/* Every row is reachable by MRS/MSR: op0 is 2 or 3, the built words decode
 * to MRS and MSR (register), the encoding reads back out of the word, and
 * the lookup finds the row again. */
static void test_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        unsigned rt = (unsigned)i % 31;
        if (r->enc > 0xffff || (r->enc >> 14) < 2)
            fail_msg("%s: encoding 0x%x is not an MRS/MSR register", r->name, r->enc);
        uint32_t mrs = mrs_word(r->enc, rt), msr = msr_word(r->enc, rt);
        if (a64_decode_op(mrs) != OP_MRS)
            fail_msg("%s: 0x%08x does not decode to MRS", r->name, mrs);
        if (a64_decode_op(msr) != OP_MSR_reg)
            fail_msg("%s: 0x%08x does not decode to MSR (register)", r->name, msr);
        assert_int_equal((mrs >> 5) & 0xffff, r->enc);
        assert_int_equal(mrs & 0x1f, rt);
        assert_int_equal(sysreg_lookup(r->enc), i);
    }
    assert_int_equal(sysreg_lookup(0x10000), -1);
}

/* Columns that must agree with each other. */
static void test_row_columns(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        if (r->min_el > A64_EL2)
            fail_msg("%s: lowest EL %u is above EL2, the highest modelled", r->name, r->min_el);
        if (r->access == SR_RO && r->wmask != 0)
            fail_msg("%s: read-only with writable bits 0x%llx", r->name, (unsigned long long)r->wmask);
        if (r->trap >= TRAP_COUNT || r->hook >= HOOK_COUNT || r->feat >= FEAT_COUNT)
            fail_msg("%s: trap, hook or feature out of range", r->name);
        // an _ELn suffix is the lowest EL that can reach it, except SP_ELn,
        // which only higher ELs name (the stack pointer in use is SP)
        const char *el = strstr(r->name, "_EL");
        unsigned want = el ? (unsigned)(el[3] - '0') + (strncmp(r->name, "SP_EL", 5) == 0) : 0;
        if (el && el[3] >= '0' && el[3] <= '2' && el[4] == '\0' && want != r->min_el)
            fail_msg("%s: lowest EL column is %u", r->name, r->min_el);
    }
}

/* Capstone 4 names registers up to about ARMv8.2; it prints the others as
 * s<op0>_<op1>_c<n>_c<m>_<op2> (with "s3" even for op0 = 2). Where it
 * names one, the name must be ours.
 * MRS of a write-only register is not an instruction: those use MSR. */
static void test_capstone_names(void **state)
{
    (void)state;
    unsigned known = 0, unknown = 0, bad = 0;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        bool wo = r->access == SR_WO;
        char text[128], name[64] = "";
        if (!tc_disasm(wo ? msr_word(r->enc, 0) : mrs_word(r->enc, 0), text, sizeof text)) {
            unknown++;
            continue;
        }
        if (wo)
            sscanf(text, "msr %63[^,]", name);
        else
            sscanf(text, "mrs x0, %63s", name);
        if ((name[0] == 's' && name[1] >= '0' && name[1] <= '3' && name[2] == '_') || !name[0]) {
            unknown++;
            continue;
        }
        known++;
        if (strcasecmp(name, r->name) != 0 && bad++ < MAX_REPORTS)
            print_error("%s: Capstone calls 0x%04x \"%s\" (%s)\n", r->name, r->enc, name, text);
    }
    printf("sysreg: Capstone 4 names %u of %d rows the same, %u rows it does not know\n", known, SR_COUNT,
           unknown);
    if (bad)
        fail_msg("%u rows disagree with Capstone", bad);
    // Capstone 4 knows the ARMv8.0 registers: most of the table
    assert_true(known > (unsigned)SR_COUNT / 2);
}

/* ---- the whole table through MRS/MSR ---- */

static bool took_exception(testcpu *t) { return t->cpu.exc_taken != 0; }

/* At EL2 with every feature, each readable row can be read and each
 * writable row written; without its feature each gated row is UNDEFINED. */
static void test_all_rows_at_el2(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        for (int has = 0; has < 2; has++) {
            if (!has && r->feat == FEAT_NONE)
                continue;
            for (int write = 0; write < 2; write++) {
                if ((write && r->access == SR_RO) || (!write && r->access == SR_WO))
                    continue;
                testcpu *t = tc_new(A64_EL2);
                t->cpu.feat = has ? ALL_FEATURES : ALL_FEATURES & ~FEAT_BIT(r->feat);
                t->cpu.x[3] = r->wmask; // harmless for view registers: their own bits
                tc_exec1(t, write ? msr_word(r->enc, 3) : mrs_word(r->enc, 3));
                if (took_exception(t) == (bool)has)
                    fail_msg("%s %s at EL2 %s %s: %s", write ? "MSR" : "MRS", r->name,
                             has ? "with" : "without", a64_feature_names[r->feat],
                             has ? "raised an exception" : "was not UNDEFINED");
                if (!has) {
                    assert_int_equal(t->cpu.sr[SR_ESR_EL2], 0x02000000); // EC 0, IL
                    assert_int_equal(t->cpu.pc, TC_VBAR + VEC_CUR_SPX);
                }
                tc_free(t);
            }
        }
    }
}

/* Below a row's lowest EL every access is UNDEFINED, taken to the current
 * EL (EL0 to EL1), whatever traps are set. */
static void test_below_lowest_el(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        for (unsigned el = A64_EL0; el < r->min_el; el++) {
            testcpu *t = tc_new(el);
            t->cpu.feat = ALL_FEATURES;
            t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TVM | HCR_EL2_TRVM | HCR_EL2_TID3 | HCR_EL2_TERR;
            tc_exec1(t, r->access == SR_WO ? msr_word(r->enc, 1) : mrs_word(r->enc, 1));
            unsigned target = el == A64_EL0 ? A64_EL1 : el;
            if (t->cpu.exc_taken != 1 || t->cpu.ps.el != target)
                fail_msg("%s at EL%u: not UNDEFINED to EL%u", r->name, el, target);
            assert_int_equal(t->cpu.sr[target == A64_EL2 ? SR_ESR_EL2 : SR_ESR_EL1], 0x02000000);
            assert_int_equal(t->cpu.pc, TC_VBAR + (el == A64_EL0 ? VEC_LOWER_A64 : VEC_CUR_SPX));
            tc_free(t);
        }
    }
}

/* A write keeps the bits outside the writable mask: all ones into every
 * plain storage row at EL2 reads back as (reset & ~wmask) | wmask. */
static void test_writable_mask(void **state)
{
    (void)state;
    for (int i = 0; i < SR_COUNT; i++) {
        const sysreg_info *r = &sysreg_table[i];
        if (r->hook != HOOK_NONE || r->access != SR_RW)
            continue;
        testcpu *t = tc_new(A64_EL2);
        t->cpu.feat = ALL_FEATURES;
        t->cpu.x[4] = ~UINT64_C(0);
        uint32_t code[2] = { msr_word(r->enc, 4), mrs_word(r->enc, 5) };
        tc_put_code(t, TC_CODE, code, 2);
        tc_run(t, 2);
        if (took_exception(t))
            fail_msg("%s: exception at EL2", r->name);
        uint64_t want = (r->reset & ~r->wmask) | r->wmask;
        if (t->cpu.x[5] != want)
            fail_msg("%s: all ones read back as 0x%llx, expected 0x%llx", r->name,
                     (unsigned long long)t->cpu.x[5], (unsigned long long)want);
        tc_free(t);
    }
}

/* Specific values worked out from the Arm ARM. */
static void test_known_values(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL1);
    t->cpu.feat |= FEAT_BIT(FEAT_RAS);
    // PMCR_EL0.N [15:11] = 6 survives a write of 0: reads 0x3000
    t->cpu.x[1] = 0;
    uint32_t code[] = {
        0xd51b9c01, // msr pmcr_el0, x1
        0xd53b9c02, // mrs x2, pmcr_el0
        0xd5185421, // msr erxctlr_el1, x1 (x1 = ~0 below)
        0xd5385423, // mrs x3, erxctlr_el1
        0xd5301184, // mrs x4, oslsr_el1
    };
    tc_assert_disasm(code[0], "msr pmcr_el0, x1");
    tc_assert_disasm(code[1], "mrs x2, pmcr_el0");
    tc_assert_disasm(code[4], "mrs x4, oslsr_el1");
    tc_put_code(t, TC_CODE, code, 2);
    tc_run(t, 2);
    assert_int_equal(t->cpu.x[2], 0x3000);
    // no error record (ERRIDR_EL1.NUM = 0): ERXCTLR_EL1 is RAZ/WI
    t->cpu.x[1] = ~UINT64_C(0);
    t->cpu.x[3] = 0x1234;
    tc_put_code(t, t->cpu.pc, code + 2, 3);
    tc_run(t, 3);
    assert_int_equal(t->cpu.exc_taken, 0);
    assert_int_equal(t->cpu.x[3], 0);
    // cold reset: OS lock locked (OSLK, bit 1) and OSLM = 0b10 (bit 3)
    assert_int_equal(t->cpu.x[4], 0xa);
    tc_free(t);
}

static int setup(void **state)
{
    (void)state;
    char err[160];
    return a64_decode_init(err, sizeof err) ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_unique),
        cmocka_unit_test(test_encodings_unique),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_row_columns),
        cmocka_unit_test(test_capstone_names),
        cmocka_unit_test(test_all_rows_at_el2),
        cmocka_unit_test(test_below_lowest_el),
        cmocka_unit_test(test_writable_mask),
        cmocka_unit_test(test_known_values),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
