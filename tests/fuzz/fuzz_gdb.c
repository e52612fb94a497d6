/* tests/fuzz/fuzz_gdb.c: arbitrary bytes from a debugger. The framing
 * layer must give back exactly what gdb_frame framed, and every packet it
 * accepts is handled by the stub's packet handlers (registers, memory,
 * breakpoints, queries, monitor commands, resume requests) against a
 * stopped machine, answering into /dev/null: nothing may crash the host. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "gdb_session.h"
#include "machine.h"

#define RAM_BASE UINT64_C(0x40000000)
#define RAM_SIZE UINT64_C(0x100000)

static sim_machine machine;
static gdb_stub stub;
static char framed[2 * GDB_PACKET_MAX + 8];

static void setup(void)
{
    char err[256];
    FUZZ_CHECK(machine_init(&machine));
    FUZZ_CHECK(machine_use_model(&machine, "generic", NULL, err, sizeof err));
    FUZZ_CHECK(machine_add_ram(&machine, RAM_BASE, RAM_SIZE, err, sizeof err));
}

/* A fresh stub, stopped, talking to /dev/null, and a CPU at the RAM's start. */
static void reset(void)
{
    a64_clear_breakpoints(&machine.cpu);
    machine_start(&machine, 2, RAM_BASE, RAM_BASE + RAM_SIZE);
    memset(&stub, 0, sizeof stub);
    stub.lfd = -1;
    stub.fd = open("/dev/null", O_WRONLY);
    FUZZ_CHECK(stub.fd >= 0);
    stub.m = &machine;
    stub.mode = GDB_STOPPED;
    stub.signal = GDB_SIGTRAP;
    gdb_rx_init(&stub.rx);
}

/* gdb_frame then gdb_rx_byte give back the same bytes. */
static void round_trip(const uint8_t *data, size_t size)
{
    size_t len = size < GDB_PACKET_MAX ? size : GDB_PACKET_MAX;
    size_t n = gdb_frame(framed, sizeof framed, data, len);
    FUZZ_CHECK(n > 0 && n <= 2 * len + 4);
    static gdb_rx rx;
    gdb_rx_init(&rx);
    int ev = GDB_RX_NONE;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(ev == GDB_RX_NONE); // nothing completes before the last byte
        ev = gdb_rx_byte(&rx, (uint8_t)framed[i]);
    }
    FUZZ_CHECK(ev == GDB_RX_PACKET && rx.len == len && memcmp(rx.buf, data, len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready) {
        setup();
        ready = true;
    }
    round_trip(data, size);
    reset();
    for (size_t i = 0; i < size; i++) {
        int ev = gdb_rx_byte(&stub.rx, data[i]);
        if (ev != GDB_RX_PACKET)
            continue;
        FUZZ_CHECK(stub.rx.len <= GDB_PACKET_MAX && stub.rx.buf[stub.rx.len] == 0);
        gdb_handle_packet(&stub, stub.rx.buf, stub.rx.len);
        // a resume, detach or kill would hand the CPU over: stay stopped
        if (stub.fd < 0) {
            stub.fd = open("/dev/null", O_WRONLY);
            FUZZ_CHECK(stub.fd >= 0);
        }
        stub.mode = GDB_STOPPED;
    }
    close(stub.fd);
    return 0;
}
