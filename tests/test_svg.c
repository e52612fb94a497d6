/* tests/test_svg.c: the SVG helpers: labels cut to the pixels they have
 * without splitting a UTF-8 character, XML escaping, and round-numbered
 * axis ticks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "svg.h"

/* What fits: (px - 4) / SVG_CHAR_PX characters, at least 4 of them. */
static double px_for(unsigned chars) { return 4 + chars * SVG_CHAR_PX + 0.01; }

static void fit_whole_and_cut(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(svg_fit("el1_sync", px_for(8), buf, sizeof buf), "el1_sync");
    // room for 6: five characters and the ellipsis
    assert_string_equal(svg_fit("el1_sync", px_for(6), buf, sizeof buf), "el1_s…");
    // under 4 characters of room: nothing rather than a stub
    assert_string_equal(svg_fit("el1_sync", px_for(3), buf, sizeof buf), "");
}

static void fit_counts_characters_not_bytes(void **state)
{
    (void)state;
    char buf[64];
    // "a → b" is 5 characters but 7 bytes: it fits in 5 characters' room
    assert_string_equal(svg_fit("a → b", px_for(5), buf, sizeof buf), "a → b");
    // cut after the arrow (3 characters kept), never inside its 3 bytes
    assert_string_equal(svg_fit("a → bcdef", px_for(4), buf, sizeof buf), "a →…");
    assert_string_equal(svg_fit("⇒⇒⇒⇒⇒⇒", px_for(5), buf, sizeof buf), "⇒⇒⇒⇒…");
}

static void escape_markup(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    svg_escape(f, "a<b & \"c\" 'd'>\x01");
    fclose(f);
    assert_string_equal(text, "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;?");
    free(text);
}

/* Tick labels of an axis over [0, 5926]: a step of 1, 2 or 5 times a power
 * of ten giving at most 10 ticks, here 1000: 0, 1000, ..., 5000. */
static void axis_round_ticks(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    svg_axis(f, 0, 1000, 50, 0, 0, 5926, "cycles");
    fclose(f);
    unsigned ticks = 0;
    for (const char *p = text; (p = strstr(p, "text-anchor=\"middle\">")); p++, ticks++)
        ;
    assert_int_equal(ticks, 6);
    assert_non_null(strstr(text, ">5000</text>"));
    assert_null(strstr(text, ">6000</text>"));
    assert_non_null(strstr(text, ">cycles</text>"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fit_whole_and_cut),
        cmocka_unit_test(fit_counts_characters_not_bytes),
        cmocka_unit_test(escape_markup),
        cmocka_unit_test(axis_round_ticks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
