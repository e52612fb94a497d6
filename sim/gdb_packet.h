/* sim/gdb_packet.h: the GDB remote serial protocol's framing, as the GDB
 * manual's "Overview" of the remote protocol gives it: $data#cs packets
 * with a modulo-256 checksum, '}' escapes, '*' run-length encoding,
 * acknowledgements and the 0x03 interrupt byte. No I/O: bytes in, events
 * and frames out, so the layer is unit-tested on its own. */
#ifndef SIM_GDB_PACKET_H
#define SIM_GDB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest packet (decoded) accepted; qSupported advertises it. */
#define GDB_PACKET_MAX 16384

/* What one received byte completed. */
enum gdb_rx_event {
    GDB_RX_NONE,         /* nothing yet (inside a packet, or noise between packets) */
    GDB_RX_PACKET,       /* a packet with a good checksum: buf[0..len) */
    GDB_RX_BAD_CHECKSUM, /* a whole packet whose checksum did not match (answer '-') */
    GDB_RX_TOO_LONG,     /* a whole packet longer than GDB_PACKET_MAX, or with a bad
                          * run-length count: dropped (answer '-') */
    GDB_RX_ACK,          /* '+' between packets */
    GDB_RX_NACK,         /* '-' between packets: resend the last packet */
    GDB_RX_INTERRUPT,    /* 0x03 between packets: GDB's Ctrl-C */
};

typedef struct gdb_rx {
    uint8_t state;       /* where in a frame (gdb_packet.c) */
    uint8_t sum;         /* checksum of the raw bytes so far */
    uint8_t cs;          /* the checksum's first hex digit, then both */
    bool bad;            /* overflow or malformed run-length: drop at the end */
    size_t len;
    char buf[GDB_PACKET_MAX + 1]; /* decoded data, NUL-terminated */
} gdb_rx;

void gdb_rx_init(gdb_rx *r);
/* Feed one byte; returns enum gdb_rx_event. */
int gdb_rx_byte(gdb_rx *r, uint8_t b);

/* Frame `len` bytes of data as $...#cs into out (escaping '$', '#', '}'
 * and '*', run-length encoding long runs); the length written, or 0 when
 * cap is too small. A frame never needs more than 2 * len + 4 bytes. */
size_t gdb_frame(char *out, size_t cap, const void *data, size_t len);

/* Hex helpers: lower-case pairs, byte order as in memory. */
void gdb_hex_encode(char *out, const void *data, size_t len);
/* Decode 2 * len hex digits; false on a non-hex digit. */
bool gdb_hex_decode(void *out, const char *hex, size_t len);
/* A big-endian hex number (as in "m addr,len") ending at a character
 * not a hex digit; *end points there. False when there is no digit or
 * the number overflows 64 bits. */
bool gdb_hex_number(const char *s, uint64_t *out, const char **end);

#endif
