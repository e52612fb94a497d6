/* tests/test_suggest.c: "did you mean" suggestions (sim/suggest.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "suggest.h"

static const char *suggest(const char *query, const char *const *names, char *buf, size_t len)
{
    sim_suggest s;
    suggest_init(&s, query);
    for (size_t i = 0; names[i]; i++)
        suggest_offer(&s, names[i]);
    return suggest_text(&s, buf, len);
}

/* One edit away: a typo, a missing character, a swap of neighbours, case. */
static void test_edits(void **state)
{
    (void)state;
    static const char *const names[] = { "__guest_exit", "__guest_enter", "vectors", NULL };
    char buf[256];
    assert_string_equal(suggest("__guest_exti", names, buf, sizeof buf),
                        " (did you mean '__guest_exit' or '__guest_enter'?)");
    assert_string_equal(suggest("VECTORS", names, buf, sizeof buf), " (did you mean 'vectors'?)");
    assert_string_equal(suggest("vector", names, buf, sizeof buf), " (did you mean 'vectors'?)");
    assert_string_equal(suggest("vetcors", names, buf, sizeof buf), " (did you mean 'vectors'?)");
}

/* A name held inside longer ones (the kernel's __kvm_nvhe_ prefix) comes
 * after every close edit, shorter names first, at most three. */
static void test_containment(void **state)
{
    (void)state;
    static const char *const names[] = { "__kvm_nvhe___guest_exit", "__guest_exit", "guest_exit_window",
                                         "abort_guest_exit_end", "guest_exir", NULL };
    char buf[256];
    assert_string_equal(suggest("guest_exit", names, buf, sizeof buf),
                        " (did you mean 'guest_exir', '__guest_exit' or 'guest_exit_window'?)");
}

/* Nothing close: nothing said; the exact name and duplicates are not offered. */
static void test_nothing_close(void **state)
{
    (void)state;
    static const char *const names[] = { "_start", "main", "main", "x", NULL };
    char buf[256];
    assert_string_equal(suggest("vectors", names, buf, sizeof buf), "");
    assert_string_equal(suggest("mian", names, buf, sizeof buf), " (did you mean 'main'?)");
    assert_string_equal(suggest("main", names, buf, sizeof buf), "");
}

/* Ties are broken by name, so the message does not depend on symbol order. */
static void test_stable_order(void **state)
{
    (void)state;
    static const char *const a[] = { "ab", "ac", "ad", "ae", NULL };
    static const char *const b[] = { "ae", "ad", "ac", "ab", NULL };
    char x[128], y[128];
    assert_string_equal(suggest("aa", a, x, sizeof x), " (did you mean 'ab', 'ac' or 'ad'?)");
    assert_string_equal(suggest("aa", b, y, sizeof y), x);
}

/* A small buffer truncates; a long name does not overflow the distance rows. */
static void test_limits(void **state)
{
    (void)state;
    char longname[400];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    const char *const names[] = { longname, "aaaa", NULL };
    char buf[16];
    suggest("aaa", names, buf, sizeof buf);
    assert_int_equal(strlen(buf), sizeof buf - 1);
    // a long query held in a longer name is still found (by containment)
    char big[512];
    assert_string_equal(suggest(longname + 1, names, big, sizeof big) + strlen(big) - 3, "'?)");
    char other[400];
    memset(other, 'b', sizeof other - 1);
    other[sizeof other - 1] = 0;
    assert_string_equal(suggest(other, names, big, sizeof big), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edits),
        cmocka_unit_test(test_containment),
        cmocka_unit_test(test_nothing_close),
        cmocka_unit_test(test_stable_order),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
