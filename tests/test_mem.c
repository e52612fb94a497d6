/* tests/test_mem.c: the machine's sparse memory: lazily materialised RAM,
 * file-backed pages shared until written (copy-on-write), two regions in
 * one page, overlap refusal, unbacked addresses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mem.h"

static void test_ram_reads_zero_then_keeps_writes(void **state)
{
    (void)state;
    sim_mem m;
    assert_true(mem_init(&m));
    mem_region ram = { .base = 0x40000000, .size = 1u << 30, .name = "ram", .background = true };
    assert_true(mem_add_region(&m, &ram, NULL));
    uint64_t v = 1;
    assert_true(mem_read(&m, 0x7ffffff8, &v, 8));
    assert_int_equal(v, 0);
    assert_int_equal(m.nused, 0); // reading untouched RAM allocates nothing
    v = 0x1122334455667788;
    assert_true(mem_write(&m, 0x40000ffc, &v, 8)); // straddles two pages
    uint64_t r = 0;
    assert_true(mem_read(&m, 0x40000ffc, &r, 8));
    assert_int_equal(r, v);
    assert_false(mem_read(&m, 0x80000000, &r, 1)); // just past the end
    assert_null(mem_host_page(&m, 0x1000, false));
    mem_fini(&m);
}

static void test_file_pages_copy_on_write(void **state)
{
    (void)state;
    static uint8_t file[3 * MEM_PAGE_SIZE];
    for (size_t i = 0; i < sizeof file; i++)
        file[i] = (uint8_t)i;
    sim_mem m;
    assert_true(mem_init(&m));
    mem_region seg = { .base = 0x1000, .size = sizeof file + 100, .file = file,
                       .file_size = sizeof file, .name = "seg" };
    assert_true(mem_add_region(&m, &seg, NULL));
    uint8_t *p = mem_host_page(&m, 0x2000, false);
    assert_ptr_equal(p, file + MEM_PAGE_SIZE); // mapped, not copied
    uint8_t b = 0xaa;
    assert_true(mem_write(&m, 0x2001, &b, 1));
    assert_int_equal(file[MEM_PAGE_SIZE + 1], 1); // the file is untouched
    uint8_t *q = mem_host_page(&m, 0x2000, false);
    assert_ptr_not_equal(q, p);
    assert_int_equal(q[1], 0xaa);
    assert_int_equal(q[2], 2);
    // the tail beyond the file is zero-filled memory of the segment
    uint8_t z = 1;
    assert_true(mem_read(&m, 0x1000 + sizeof file + 50, &z, 1));
    assert_int_equal(z, 0);
    mem_fini(&m);
}

static void test_two_segments_share_a_page(void **state)
{
    (void)state;
    static const uint8_t a[16] = { 1, 2, 3 }, b[16] = { 9, 8, 7 };
    sim_mem m;
    assert_true(mem_init(&m));
    mem_region ra = { .base = 0x5000, .size = 16, .file = a, .file_size = 16, .name = "a" };
    mem_region rb = { .base = 0x5100, .size = 16, .file = b, .file_size = 16, .name = "b" };
    assert_true(mem_add_region(&m, &ra, NULL));
    assert_true(mem_add_region(&m, &rb, NULL));
    uint8_t x = 0, y = 0;
    assert_true(mem_read(&m, 0x5001, &x, 1));
    assert_true(mem_read(&m, 0x5101, &y, 1));
    assert_int_equal(x, 2);
    assert_int_equal(y, 8);
    mem_fini(&m);
}

static void test_overlap_refused(void **state)
{
    (void)state;
    sim_mem m;
    assert_true(mem_init(&m));
    mem_region ra = { .base = 0x10000, .size = 0x2000, .name = "a" };
    mem_region rb = { .base = 0x11000, .size = 0x2000, .name = "b" };
    mem_region ram = { .base = 0, .size = 1u << 20, .name = "ram", .background = true };
    const mem_region *clash = NULL;
    assert_true(mem_add_region(&m, &ra, NULL));
    assert_false(mem_add_region(&m, &rb, &clash));
    assert_string_equal(clash->name, "a");
    assert_true(mem_add_region(&m, &ram, NULL)); // RAM under segments is fine
    mem_fini(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ram_reads_zero_then_keeps_writes),
        cmocka_unit_test(test_file_pages_copy_on_write),
        cmocka_unit_test(test_two_segments_share_a_page),
        cmocka_unit_test(test_overlap_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
