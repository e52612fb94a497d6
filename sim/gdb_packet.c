/* sim/gdb_packet.c: GDB remote protocol framing: the receive state machine
 * (checksum, '}' escapes, '*' run-length counts) and the frame encoder. */
#include "gdb_packet.h"

#include <string.h>

enum { RX_IDLE, RX_DATA, RX_ESC, RX_RLE, RX_CS1, RX_CS2 };

#define ESCAPE_CHAR '}'
#define ESCAPE_XOR 0x20
#define RLE_CHAR '*'
#define RLE_BIAS 29       /* a count character c repeats the byte c - 29 more times */
#define RLE_MIN_COUNT ' ' /* the lowest printable count character: 3 repeats */
#define RLE_MAX_COUNT '~' /* the highest: 97 repeats */
#define INTERRUPT_BYTE 0x03

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void gdb_rx_init(gdb_rx *r)
{
    r->state = RX_IDLE;
    r->len = 0;
    r->bad = false;
    r->buf[0] = 0;
}

static void put(gdb_rx *r, uint8_t b)
{
    if (r->len < GDB_PACKET_MAX)
        r->buf[r->len++] = (char)b;
    else
        r->bad = true;
}

/* A byte outside any packet: acknowledgements, the interrupt, a start. */
static int idle_byte(gdb_rx *r, uint8_t b)
{
    switch (b) {
    case '$':
        r->state = RX_DATA;
        r->sum = 0;
        r->len = 0;
        r->bad = false;
        return GDB_RX_NONE;
    case '+': return GDB_RX_ACK;
    case '-': return GDB_RX_NACK;
    case INTERRUPT_BYTE: return GDB_RX_INTERRUPT;
    default: return GDB_RX_NONE; // noise between packets is ignored
    }
}

int gdb_rx_byte(gdb_rx *r, uint8_t b)
{
    if (r->state == RX_IDLE)
        return idle_byte(r, b);
    if (r->state == RX_CS1 || r->state == RX_CS2) {
        int v = hexval(b);
        if (v < 0) { // not a checksum: the frame is broken, resynchronise
            r->state = RX_IDLE;
            return b == '$' ? idle_byte(r, b) : GDB_RX_BAD_CHECKSUM;
        }
        if (r->state == RX_CS1) {
            r->cs = (uint8_t)v;
            r->state = RX_CS2;
            return GDB_RX_NONE;
        }
        r->state = RX_IDLE;
        r->buf[r->len] = 0;
        if (r->bad)
            return GDB_RX_TOO_LONG;
        return (uint8_t)(r->cs << 4 | v) == r->sum ? GDB_RX_PACKET : GDB_RX_BAD_CHECKSUM;
    }
    if (b == '#' && r->state != RX_ESC) {
        if (r->state == RX_RLE)
            r->bad = true; // '*' with no count
        r->state = RX_CS1;
        return GDB_RX_NONE;
    }
    if (b == '$' && r->state != RX_ESC)
        return idle_byte(r, b); // a new packet starts: the unfinished one is dropped
    r->sum = (uint8_t)(r->sum + b);
    switch (r->state) {
    case RX_ESC:
        put(r, b ^ ESCAPE_XOR);
        r->state = RX_DATA;
        break;
    case RX_RLE:
        r->state = RX_DATA;
        if (b < RLE_MIN_COUNT || b > RLE_MAX_COUNT || r->len == 0) {
            r->bad = true;
            break;
        }
        for (unsigned n = b - RLE_BIAS, prev = (uint8_t)r->buf[r->len - 1]; n; n--)
            put(r, (uint8_t)prev);
        break;
    default:
        if (b == ESCAPE_CHAR)
            r->state = RX_ESC;
        else if (b == RLE_CHAR)
            r->state = RX_RLE;
        else
            put(r, b);
        break;
    }
    return GDB_RX_NONE;
}

static bool needs_escape(uint8_t b)
{
    return b == '$' || b == '#' || b == ESCAPE_CHAR || b == RLE_CHAR;
}

/* The repeat count to encode for a run of `run` more copies: at most 97,
 * and never 6 or 7, whose count characters would be '#' and '$'. */
static unsigned rle_count(size_t run)
{
    unsigned n = run > RLE_MAX_COUNT - RLE_BIAS ? RLE_MAX_COUNT - RLE_BIAS : (unsigned)run;
    if (n == '#' - RLE_BIAS || n == '$' - RLE_BIAS)
        n = '#' - RLE_BIAS - 1;
    return n;
}

size_t gdb_frame(char *out, size_t cap, const void *data, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *p = data;
    size_t o = 0;
    uint8_t sum = 0;
    if (cap < 4)
        return 0;
    out[o++] = '$';
    for (size_t i = 0; i < len;) {
        uint8_t b = p[i++];
        // room for this byte's encoding (2 at most) and the "#cs" trailer
        if (o + (needs_escape(b) ? 2 : 1) + 3 > cap)
            return 0;
        if (needs_escape(b)) {
            out[o++] = ESCAPE_CHAR;
            out[o++] = (char)(b ^ ESCAPE_XOR);
            sum = (uint8_t)(sum + ESCAPE_CHAR + (b ^ ESCAPE_XOR));
            continue;
        }
        out[o++] = (char)b;
        sum = (uint8_t)(sum + b);
        size_t run = 0;
        while (i + run < len && p[i + run] == b)
            run++;
        if (run >= RLE_MIN_COUNT - RLE_BIAS) { // three more copies or more: shorter as b*c
            if (o + 2 + 3 > cap)
                return 0;
            unsigned n = rle_count(run);
            out[o++] = RLE_CHAR;
            out[o++] = (char)(n + RLE_BIAS);
            sum = (uint8_t)(sum + RLE_CHAR + n + RLE_BIAS);
            i += n;
        }
    }
    out[o++] = '#';
    out[o++] = hex[sum >> 4];
    out[o++] = hex[sum & 15];
    return o;
}

void gdb_hex_encode(char *out, const void *data, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = hex[p[i] >> 4];
        out[2 * i + 1] = hex[p[i] & 15];
    }
    out[2 * len] = 0;
}

bool gdb_hex_decode(void *out, const char *hex, size_t len)
{
    uint8_t *p = out;
    for (size_t i = 0; i < len; i++) {
        int hi = hexval((uint8_t)hex[2 * i]);
        int lo = hi < 0 ? -1 : hexval((uint8_t)hex[2 * i + 1]);
        if (lo < 0)
            return false;
        p[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool gdb_hex_number(const char *s, uint64_t *out, const char **end)
{
    uint64_t v = 0;
    const char *p = s;
    for (int d; (d = hexval((uint8_t)*p)) >= 0; p++) {
        if (v >> 60)
            return false;
        v = v << 4 | (unsigned)d;
    }
    if (p == s)
        return false;
    *out = v;
    if (end)
        *end = p;
    return true;
}
