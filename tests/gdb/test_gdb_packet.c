/* tests/gdb/test_gdb_packet.c: the GDB remote protocol's framing
 * (sim/gdb_packet.c): checksums, '}' escapes, '*' run-length counts,
 * acknowledgements and Ctrl-C between packets, packets too long or
 * malformed, the encoder (escapes, run lengths, room) and hex helpers.
 * Frames are written out by hand from the GDB manual's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gdb_packet.h"

static gdb_rx rx;

/* Feed len bytes; the events seen, in order, into ev (at most n). */
static unsigned feed(const char *s, size_t len, int *ev, unsigned n)
{
    unsigned k = 0;
    for (size_t i = 0; i < len; i++) {
        int e = gdb_rx_byte(&rx, (uint8_t)s[i]);
        if (e != GDB_RX_NONE && k < n)
            ev[k++] = e;
    }
    return k;
}

/* The single event a whole string gives. */
static int one(const char *s, size_t len)
{
    int ev[4];
    gdb_rx_init(&rx);
    assert_int_equal(feed(s, len, ev, 4), 1);
    return ev[0];
}
#define ONE(lit) one(lit, sizeof lit - 1)

static void test_checksum(void **state)
{
    (void)state;
    // 'g' is 0x67; "OK" is 0x4f + 0x4b = 0x9a; hex digits in either case
    assert_int_equal(ONE("$g#67"), GDB_RX_PACKET);
    assert_int_equal(rx.len, 1);
    assert_string_equal(rx.buf, "g");
    assert_int_equal(ONE("$OK#9a"), GDB_RX_PACKET);
    assert_int_equal(ONE("$OK#9A"), GDB_RX_PACKET);
    assert_int_equal(ONE("$#00"), GDB_RX_PACKET); // the empty packet
    assert_int_equal(rx.len, 0);
    assert_int_equal(ONE("$g#68"), GDB_RX_BAD_CHECKSUM);
    // half a checksum is no event yet
    int ev[4];
    gdb_rx_init(&rx);
    assert_int_equal(feed("$g#6", 4, ev, 4), 0);
}

static void test_checksum_not_hex(void **state)
{
    (void)state;
    int ev[4];
    gdb_rx_init(&rx);
    assert_int_equal(feed("$g#6z", 5, ev, 4), 1);
    assert_int_equal(ev[0], GDB_RX_BAD_CHECKSUM);
    // and the next frame is read normally
    assert_int_equal(feed("$g#67", 5, ev, 4), 1);
    assert_int_equal(ev[0], GDB_RX_PACKET);
}

static void test_between_packets(void **state)
{
    (void)state;
    int ev[8];
    gdb_rx_init(&rx);
    // noise is ignored; +, - and 0x03 are events; then a packet
    unsigned n = feed("xyz+\r\n-\x03$?#3f", 13, ev, 8);
    assert_int_equal(n, 4);
    assert_int_equal(ev[0], GDB_RX_ACK);
    assert_int_equal(ev[1], GDB_RX_NACK);
    assert_int_equal(ev[2], GDB_RX_INTERRUPT);
    assert_int_equal(ev[3], GDB_RX_PACKET);
    assert_string_equal(rx.buf, "?");
}

static void test_inside_packet(void **state)
{
    (void)state;
    // 0x03, '+' and '-' inside a packet are data: "\x03+-" sums to 0x5b
    assert_int_equal(ONE("$\x03+-#5b"), GDB_RX_PACKET);
    assert_int_equal(rx.len, 3);
    assert_memory_equal(rx.buf, "\x03+-", 3);
    // a '$' drops the unfinished frame and starts again
    assert_int_equal(ONE("$m0,4$g#67"), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "g");
}

static void test_escape(void **state)
{
    (void)state;
    // "}\x03" is '#' (0x23 ^ 0x20), "}\x04" '$', "}]" '}', "}\x0a" '*';
    // the checksum covers the bytes as sent: 0x7d*4 + 0x03 + 0x04 + 0x5d + 0x0a
    assert_int_equal(ONE("$}\x03}\x04}]}\x0a#62"), GDB_RX_PACKET);
    assert_int_equal(rx.len, 4);
    assert_memory_equal(rx.buf, "#$}*", 4);
    // an escaped '#' does not end the packet, an escaped '$' does not restart it
    assert_int_equal(ONE("$a}\x03" "b#43"), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "a#b");
    assert_int_equal(ONE("$a}\x04" "b#44"), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "a$b");
}

static void test_run_length(void **state)
{
    (void)state;
    // "0* " is '0' and 32 - 29 = 3 more: "0000"; sum 0x30 + 0x2a + 0x20 = 0x7a
    assert_int_equal(ONE("$0* #7a"), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "0000");
    // '~' (126) repeats 97 more times; sum 0x78 + 0x2a + 0x7e = 0x120 -> 0x20
    assert_int_equal(ONE("$x*~#20"), GDB_RX_PACKET);
    assert_int_equal(rx.len, 98);
    for (size_t i = 0; i < rx.len; i++)
        assert_int_equal(rx.buf[i], 'x');
    // the repeated byte may itself have been escaped: "}]* " is "}}}}"
    assert_int_equal(ONE("$}]* #24"), GDB_RX_PACKET);
    assert_string_equal(rx.buf, "}}}}");
}

static void test_run_length_malformed(void **state)
{
    (void)state;
    assert_int_equal(ONE("$*#2a"), GDB_RX_TOO_LONG);         // nothing to repeat
    assert_int_equal(ONE("$a*\x01#8c"), GDB_RX_TOO_LONG);    // count below ' '
    assert_int_equal(ONE("$a*\x7f#0a"), GDB_RX_TOO_LONG);    // count above '~'
    assert_int_equal(ONE("$a*#8b"), GDB_RX_TOO_LONG);        // no count at all
}

static void test_too_long(void **state)
{
    (void)state;
    size_t n = GDB_PACKET_MAX + 1;
    char *s = malloc(n + 4);
    s[0] = '$';
    memset(s + 1, 'a', n);
    memcpy(s + 1 + n, "#00", 3);
    assert_int_equal(one(s, n + 4), GDB_RX_TOO_LONG);
    // exactly the maximum is fine: 'a' * 16384 sums to 0x61 * 0x4000 = 0 mod 256
    memcpy(s + 1 + GDB_PACKET_MAX, "#00", 3);
    assert_int_equal(one(s, GDB_PACKET_MAX + 4), GDB_RX_PACKET);
    assert_int_equal(rx.len, GDB_PACKET_MAX);
    free(s);
    // run lengths that expand past the limit: 200 * 97 bytes
    char r[2 + 400 + 3];
    r[0] = '$';
    r[1] = 'a';
    unsigned sum = 'a';
    for (int i = 0; i < 200; i++) {
        memcpy(r + 2 + 2 * i, "*~", 2);
        sum += '*' + '~';
    }
    static const char hex[] = "0123456789abcdef";
    r[402] = '#';
    r[403] = hex[(sum >> 4) & 15];
    r[404] = hex[sum & 15];
    assert_int_equal(one(r, sizeof r), GDB_RX_TOO_LONG);
}

/* Encode, then decode what was encoded. */
static void round_trip(const void *data, size_t len)
{
    static char frame[2 * GDB_PACKET_MAX + 8];
    size_t n = gdb_frame(frame, sizeof frame, data, len);
    assert_true(n > 0 && n <= 2 * len + 4);
    assert_int_equal(one(frame, n), GDB_RX_PACKET);
    assert_int_equal(rx.len, len);
    assert_memory_equal(rx.buf, data, len);
}

static void test_frame(void **state)
{
    (void)state;
    char out[64];
    size_t n = gdb_frame(out, sizeof out, "OK", 2);
    assert_int_equal(n, 6);
    assert_memory_equal(out, "$OK#9a", 6);
    // every special byte escaped: 'a' '}' (0x23^0x20) -> sum 0x61+0x7d+0x03 = 0xe1
    n = gdb_frame(out, sizeof out, "a#", 2);
    assert_int_equal(n, 7);
    assert_memory_equal(out, "$a}\x03#e1", 7);
    // a run of 4: '0' then "* " (3 more)
    n = gdb_frame(out, sizeof out, "0000", 4);
    assert_memory_equal(out, "$0* #7a", 7);
    // a run of 7 zeros: 6 more would need count '#' (35): 5 (count '"'), then one '0'
    n = gdb_frame(out, sizeof out, "0000000", 7);
    assert_int_equal(n, 8);
    assert_memory_equal(out, "$0*\"0#ac", 8);
    // too small a buffer gives nothing
    assert_int_equal(gdb_frame(out, 5, "OK", 2), 0);
    assert_int_equal(gdb_frame(out, 6, "OK", 2), 6);
}

static void test_frame_round_trips(void **state)
{
    (void)state;
    uint8_t buf[4096];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + (i >> 5));
    round_trip(buf, sizeof buf);
    memset(buf, '$', 300); // runs of a byte that must be escaped are not shortened
    round_trip(buf, 300);
    memset(buf, 0, sizeof buf);
    round_trip(buf, sizeof buf);
    for (size_t run = 1; run < 120; run++) { // every count, including the 6 and 7 to avoid
        memset(buf, 'z', run);
        buf[run] = 'y';
        round_trip(buf, run + 1);
    }
    round_trip("", 0);
}

static void test_hex(void **state)
{
    (void)state;
    char s[16];
    uint8_t b[4];
    gdb_hex_encode(s, "\x01\xab\xff", 3);
    assert_string_equal(s, "01abff");
    assert_true(gdb_hex_decode(b, "01AbfF", 3));
    assert_memory_equal(b, "\x01\xab\xff", 3);
    assert_false(gdb_hex_decode(b, "0g", 1));
    assert_false(gdb_hex_decode(b, "0", 1)); // the NUL is not a digit

    uint64_t v;
    const char *end;
    assert_true(gdb_hex_number("40080d3c,4", &v, &end));
    assert_int_equal(v, 0x40080d3c);
    assert_int_equal(*end, ',');
    assert_true(gdb_hex_number("ffffffffffffffff", &v, &end));
    assert_true(v == UINT64_MAX);
    assert_false(gdb_hex_number("10000000000000000", &v, &end)); // 65 bits
    assert_false(gdb_hex_number(",4", &v, &end));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checksum),
        cmocka_unit_test(test_checksum_not_hex),
        cmocka_unit_test(test_between_packets),
        cmocka_unit_test(test_inside_packet),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_run_length),
        cmocka_unit_test(test_run_length_malformed),
        cmocka_unit_test(test_too_long),
        cmocka_unit_test(test_frame),
        cmocka_unit_test(test_frame_round_trips),
        cmocka_unit_test(test_hex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
