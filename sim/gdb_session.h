/* sim/gdb_session.h: the state of one GDB connection, shared by the
 * packet handlers (gdb_session.c) and the run control (gdb_stub.c).
 * Private to the stub. */
#ifndef SIM_GDB_SESSION_H
#define SIM_GDB_SESSION_H

#include <stdint.h>

#include "a64.h"
#include "gdb_monitor.h"
#include "gdb_packet.h"
#include "gdb_stub.h"

/* What the debugger has the CPU do. */
enum gdb_mode {
    GDB_UNATTACHED, /* no debugger yet: the first run waits for one */
    GDB_STOPPED,    /* GDB is in control: serve packets */
    GDB_CONTINUE,   /* c / vCont;c */
    GDB_STEP,       /* s / vCont;s: one instruction boundary */
    GDB_DETACHED,   /* D, or the connection went away: run on without it */
    GDB_KILLED,     /* k: the run ends */
    GDB_DONE,       /* the run ended and GDB was told */
};

/* Signals the stop replies carry (GDB's numbering, as Linux's). */
#define GDB_SIGINT 2
#define GDB_SIGTRAP 5

enum gdb_bp_type { GDB_BP_SW, GDB_BP_HW };

#define GDB_MAX_BPS A64_MAX_BREAKPOINTS

/* A position of the run: the same PC reached again has executed or taken
 * something in between. */
typedef struct gdb_pos {
    uint64_t pc, insns, exc;
} gdb_pos;

struct gdb_stub {
    int lfd, fd;
    unsigned port;
    int mode;               /* enum gdb_mode */
    gdb_rx rx;
    bool noack;             /* QStartNoAckMode accepted */
    bool swbreak, hwbreak;  /* GDB takes the stop reasons (qSupported) */
    bool interrupted;       /* a Ctrl-C came while running */
    char in[4096];          /* bytes read and not yet handled */
    size_t in_at, in_len;
    /* the last stop reported */
    int signal;
    int stop_bp;            /* enum gdb_bp_type + 1 of a breakpoint stop, else 0 */
    gdb_pos seen;
    bool report_due;        /* a step ended while the caller had the CPU */
    /* GDB's breakpoints; the CPU's table holds the other users' (the
     * owner: harness, scenario) first, then these */
    uint64_t bp[GDB_MAX_BPS];
    uint8_t bp_type[GDB_MAX_BPS];
    unsigned nbp;
    uint64_t owner[A64_MAX_BREAKPOINTS];
    unsigned nowner;
    uint64_t table[A64_MAX_BREAKPOINTS]; /* the CPU's table as last installed */
    unsigned ntable;
    struct sim_machine *m;  /* the machine being run, during a run */
    size_t last_len;        /* the last frame sent, for a NACK */
    char last[2 * GDB_PACKET_MAX + 8];
    char reply[2 * GDB_PACKET_MAX + 8];
    char xml[12288];
    size_t xml_len;
    uint8_t scratch[GDB_PACKET_MAX]; /* memory read or written, a monitor line */
    gdb_text text;                   /* a monitor command's output */
};

static inline gdb_pos gdb_pos_now(const a64_cpu *c) { return (gdb_pos){ c->pc, c->insns, c->exc_taken }; }
static inline bool gdb_pos_eq(gdb_pos a, gdb_pos b)
{
    return a.pc == b.pc && a.insns == b.insns && a.exc == b.exc;
}

/* gdb_session.c */
/* Send a packet (framed; kept for a resend). False when GDB has gone. */
bool gdb_send(gdb_stub *g, const char *data, size_t len);
bool gdb_send_str(gdb_stub *g, const char *s);
/* The stop reply for the current stop (T packet). */
bool gdb_report_stop(gdb_stub *g, int signal, int bp);
/* Handle one packet while stopped; may change g->mode. */
void gdb_handle_packet(gdb_stub *g, char *pkt, size_t len);

/* gdb_stub.c: breakpoints */
bool gdb_bp_insert(gdb_stub *g, a64_cpu *c, uint64_t addr, int type);
bool gdb_bp_remove(gdb_stub *g, a64_cpu *c, uint64_t addr, int type);
/* The connection is over (detach, kill, gone): GDB's breakpoints leave
 * the CPU, the socket closes. */
void gdb_disconnect(gdb_stub *g, a64_cpu *c, int mode);

#endif
