/* tests/gdb/gdb_wire.c: a small remote-protocol client for what
 * gdb-multiarch's batch mode cannot do: Ctrl-C (0x03) while the target
 * runs, and garbage, malformed and hostile packets that must get errors,
 * never a crash. Usage: gdb_wire PORT interrupt|garbage; exit 0 when every
 * answer was as expected. Framing comes from sim/gdb_packet.c. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "gdb_packet.h"

static int fd = -1;
static gdb_rx rx;
static int failures;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL: ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    failures++;
}

static void send_raw(const void *p, size_t n)
{
    if (write(fd, p, n) != (ssize_t)n) {
        printf("FAIL: the stub closed the connection\n");
        exit(1);
    }
}

/* The next event from the stub (ACK, NACK, PACKET...), with a deadline. */
static int next_event(void)
{
    for (;;) {
        uint8_t b;
        struct timeval tv = { .tv_sec = 10 };
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (read(fd, &b, 1) != 1) {
            printf("FAIL: no answer from the stub (closed or timed out)\n");
            exit(1);
        }
        int ev = gdb_rx_byte(&rx, b);
        if (ev != GDB_RX_NONE)
            return ev;
    }
}

/* Wait for a reply packet, acknowledging it; skips the stub's acks. */
static const char *reply(void)
{
    int ev;
    while ((ev = next_event()) == GDB_RX_ACK)
        ;
    if (ev != GDB_RX_PACKET) {
        fail("expected a packet, got event %d", ev);
        return "";
    }
    send_raw("+", 1);
    return rx.buf;
}

static void send_packet(const char *data, size_t len)
{
    static char frame[2 * GDB_PACKET_MAX + 8];
    size_t n = gdb_frame(frame, sizeof frame, data, len);
    send_raw(frame, n);
}

/* Send a text packet; its reply. */
static const char *ask(const char *pkt)
{
    send_packet(pkt, strlen(pkt));
    return reply();
}

static void expect_reply(const char *pkt, const char *want)
{
    const char *r = ask(pkt);
    if (strcmp(r, want) != 0)
        fail("%s: reply '%.60s', expected '%s'", pkt, r, want);
    else
        printf("ok: %s -> '%s'\n", pkt, want);
}

static void expect_prefix(const char *pkt, const char *want)
{
    const char *r = ask(pkt);
    if (strncmp(r, want, strlen(want)) != 0)
        fail("%s: reply '%.60s', expected it to start with '%s'", pkt, r, want);
    else
        printf("ok: %s -> '%s...'\n", pkt, want);
}

static uint64_t le_hex(const char *hex, unsigned bytes)
{
    uint8_t v[8] = { 0 };
    uint64_t x = 0;
    if (strlen(hex) != 2 * bytes || !gdb_hex_decode(v, hex, bytes))
        fail("register value '%s' is not %u bytes of hex", hex, bytes);
    for (unsigned i = 0; i < bytes; i++)
        x |= (uint64_t)v[i] << (8 * i);
    return x;
}

static uint64_t read_reg(unsigned n, unsigned bytes)
{
    char pkt[16];
    snprintf(pkt, sizeof pkt, "p%x", n);
    return le_hex(ask(pkt), bytes);
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* The word at addr, read with m. */
static uint32_t read_word(uint64_t addr)
{
    char pkt[40];
    snprintf(pkt, sizeof pkt, "m%" PRIx64 ",4", addr);
    return (uint32_t)le_hex(ask(pkt), 4);
}

/* testdata/bare/spin.S loops on `add x0, x0, #1; b _start`: continue, and
 * Ctrl-C stops it with SIGINT inside that loop with x0 counting; then kill. */
#define A64_ADD_X0_1 0x91000400u   /* add x0, x0, #1 */
#define A64_B_MINUS_4 0x17ffffffu  /* b . - 4 */
#define REG_PC 32

static void interrupt_once(uint64_t *x0)
{
    send_packet("c", 1);
    if (next_event() != GDB_RX_ACK)
        fail("c: no acknowledgement");
    sleep_ms(200);
    send_raw("\x03", 1);
    const char *r = reply();
    if (strncmp(r, "T02", 3) != 0)
        fail("Ctrl-C: stop reply '%s', expected T02 (SIGINT)", r);
    else
        printf("ok: Ctrl-C -> '%s'\n", r);
    uint64_t pc = read_reg(REG_PC, 8);
    uint32_t w = read_word(pc);
    if (w != A64_ADD_X0_1 && w != A64_B_MINUS_4)
        fail("stopped at 0x%" PRIx64 " on word 0x%08x, not inside the spin loop", pc, w);
    uint64_t now = read_reg(0, 8);
    if (now <= *x0)
        fail("x0 = %" PRIu64 " did not grow from %" PRIu64 " while running", now, *x0);
    else
        printf("ok: stopped in the loop at 0x%" PRIx64 ", x0 %" PRIu64 " -> %" PRIu64 "\n", pc, *x0, now);
    *x0 = now;
}

/* s: one instruction of the loop: the add goes on to the branch (pc + 4),
 * the branch back to the add (pc - 4). */
static void step_once(void)
{
    uint64_t pc = read_reg(REG_PC, 8);
    uint32_t w = read_word(pc);
    expect_prefix("s", "T05");
    uint64_t now = read_reg(REG_PC, 8);
    uint64_t want = w == A64_ADD_X0_1 ? pc + 4 : pc - 4;
    if (now != want)
        fail("s from 0x%" PRIx64 " (word 0x%08x): pc 0x%" PRIx64 ", expected 0x%" PRIx64, pc, w, now, want);
}

static void scenario_interrupt(void)
{
    expect_prefix("?", "T05");
    uint64_t x0 = read_reg(0, 8);
    interrupt_once(&x0);
    step_once();
    step_once();
    interrupt_once(&x0);
    send_packet("k", 1); // no reply: sim ends the run
    next_event();        // its acknowledgement
}

static void expect_nack(const char *raw)
{
    send_raw(raw, strlen(raw));
    int ev = next_event();
    if (ev != GDB_RX_NACK)
        fail("'%s': event %d, expected a NACK", raw, ev);
    else
        printf("ok: '%s' -> '-'\n", raw);
}

/* A raw frame the stub takes ('+') and answers with `want`. */
static void expect_raw(const char *raw, size_t len, const char *want)
{
    send_raw(raw, len);
    const char *r = reply();
    if (strcmp(r, want) != 0)
        fail("raw frame of %zu bytes: reply '%.60s', expected '%s'", len, r, want);
    else
        printf("ok: raw frame of %zu bytes -> '%s'\n", len, want);
}

static void too_long(void)
{
    size_t n = GDB_PACKET_MAX + 100;
    char *big = malloc(n + 4);
    big[0] = '$';
    memset(big + 1, 'a', n);
    memcpy(big + 1 + n, "#00", 3);
    expect_raw(big, n + 4, "E16");
    // run-length counts that expand past the limit
    size_t k = 1 + 1 + 2 * 400;
    big[0] = '$';
    big[1] = 'a';
    for (size_t i = 0; i < 400; i++)
        memcpy(big + 2 + 2 * i, "*~", 2);
    memcpy(big + k, "#00", 3);
    expect_raw(big, k + 3, "E16");
    free(big);
}

static void malformed(void)
{
    static const char *const einval[] = {
        "m", "m12", "mZZ,4", "m10,", "M0,4:zz", "M40100000,2:001", "p", "p999", "pzz", "P0=12", "P0",
        "G00", "Z0", "Z0,zz,4", "z1,40080000", "X40100000,4:ab", "vCont;x", "mffffffffffffffff,10",
        "P21=10000000", /* cpsr with M[4] set: AArch32, which the model lacks */
        "P21=0d000000", /* cpsr at EL3 */
    };
    for (size_t i = 0; i < sizeof einval / sizeof einval[0]; i++)
        expect_reply(einval[i], "E16");
    expect_reply("m100000000000,8", "E14");
    expect_reply("M100000000000,1:00", "E14");
    expect_reply("m9000000,4", "E14"); // an MMIO hole of the harness is not memory
    expect_reply("j", "");
    expect_reply("Z2,40100000,8", ""); // watch points are not offered
    expect_reply("qXfer:features:read:other.xml:0,10", "E00");
}

static void memory(void)
{
    // binary data with every byte that must be escaped
    static const char x[] = "X40100000,4:\x23\x24\x7d\x2a";
    send_packet(x, sizeof x - 1);
    const char *r = reply();
    if (strcmp(r, "OK") != 0)
        fail("X write: '%s'", r);
    expect_reply("m40100000,4", "23247d2a");
    expect_reply("M40100002,2:beef", "OK");
    expect_reply("m40100000,4", "2324beef");
    // a long read is cut to what one packet holds, not refused
    r = ask("m40000000,100000");
    if (strlen(r) < 2 * 4096 || strlen(r) % 2)
        fail("long read: %zu hex digits", strlen(r));
    else
        printf("ok: long read -> %zu bytes\n", strlen(r) / 2);
}

static void queries(void)
{
    char hex[64], pkt[80];
    expect_prefix("qSupported:swbreak+;hwbreak+", "PacketSize=4000;qXfer:features:read+");
    expect_prefix("qXfer:features:read:target.xml:0,20", "m<?xml");
    // an unknown monitor command: its error text in O packets, then OK
    gdb_hex_encode(hex, "frobnicate", 10);
    snprintf(pkt, sizeof pkt, "qRcmd,%s", hex);
    expect_prefix(pkt, "O");
    const char *r = reply();
    if (strcmp(r, "OK") != 0)
        fail("qRcmd: final reply '%s', expected OK", r);
    expect_reply("qRcmd,zz", "E16");
}

static void scenario_garbage(void)
{
    send_raw("hello\r\n++--", 11); // noise between packets: ignored ('-' resends nothing yet)
    expect_prefix("?", "T05");
    expect_nack("$g#00");
    expect_nack("$?#zz");
    expect_raw("$m0$?#3f", 8, "T05thread:1;"); // a '$' restarts the frame
    too_long();
    expect_raw("$*#2a", 5, "E16");       // a run-length count with nothing to repeat
    expect_raw("$a*\x01#8c", 7, "E16");  // a count below ' '
    malformed();
    memory();
    queries();
    expect_prefix("?", "T05");
    expect_reply("D", "OK"); // the run goes on to its end
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gdb_wire PORT interrupt|garbage\n");
        return 2;
    }
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1])) };
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        printf("FAIL: cannot connect to port %s\n", argv[1]);
        return 1;
    }
    gdb_rx_init(&rx);
    if (!strcmp(argv[2], "interrupt"))
        scenario_interrupt();
    else if (!strcmp(argv[2], "garbage"))
        scenario_garbage();
    else {
        fprintf(stderr, "gdb_wire: unknown scenario '%s'\n", argv[2]);
        return 2;
    }
    close(fd);
    printf("%s: %d failure(s)\n", argv[2], failures);
    return failures ? 1 : 0;
}
