/* sim/gdb_stub.c: the GDB stub's run control: waiting for the debugger,
 * serving packets while stopped, stepping one instruction boundary,
 * continuing in stretches that end to look for Ctrl-C, and sharing the
 * CPU's breakpoints and stops with the run's owner (the world-switch
 * harness, a scenario), whose stops go back to it. */
#include "gdb_stub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdb_conn.h"
#include "gdb_regs.h"
#include "gdb_session.h"
#include "machine.h"

/* Instructions between two looks for a Ctrl-C while continuing. */
#define GDB_POLL_INSNS 4096
#define NO_ADDR UINT64_MAX

gdb_stub *gdb_stub_listen(const char *addr, unsigned port, char *err, size_t len)
{
    gdb_stub *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, len, "--gdb: out of memory");
        return NULL;
    }
    g->fd = -1;
    g->lfd = gdb_conn_listen(addr, port, &g->port, err, len);
    if (g->lfd < 0) {
        free(g);
        return NULL;
    }
    g->xml_len = gdb_target_xml(g->xml, sizeof g->xml);
    gdb_rx_init(&g->rx);
    g->signal = GDB_SIGTRAP;
    fprintf(stderr, "sim: gdb: listening on %s:%u; waiting for the debugger (target remote %s:%u)\n", addr,
            g->port, addr, g->port);
    return g;
}

void gdb_stub_free(gdb_stub *g)
{
    if (!g)
        return;
    gdb_conn_close(g->fd);
    gdb_conn_close(g->lfd);
    free(g);
}

bool gdb_stub_active(const gdb_stub *g)
{
    return g->mode != GDB_DETACHED && g->mode != GDB_DONE;
}

/* ---- breakpoints: the CPU's table is the owner's entries, then GDB's ---- */

static int gdb_bp_at(const gdb_stub *g, uint64_t addr)
{
    for (unsigned i = 0; i < g->nbp; i++)
        if (g->bp[i] == addr)
            return g->bp_type[i] + 1;
    return 0;
}

static bool owner_at(const gdb_stub *g, uint64_t addr)
{
    for (unsigned i = 0; i < g->nowner; i++)
        if (g->owner[i] == addr)
            return true;
    return false;
}

static void bp_install(gdb_stub *g, a64_cpu *c)
{
    a64_clear_breakpoints(c);
    for (unsigned i = 0; i < g->nowner; i++)
        a64_set_breakpoint(c, g->owner[i]);
    for (unsigned i = 0; i < g->nbp; i++)
        a64_set_breakpoint(c, g->bp[i]);
    g->ntable = c->nbkpt;
    memcpy(g->table, c->bkpt, sizeof g->table);
}

/* A table that is not as GDB left it was rebuilt by its owner (a scenario
 * re-arming its hooks, a snapshot restored): all of it is the owner's. */
static void bp_sync(gdb_stub *g, a64_cpu *c)
{
    if (c->nbkpt == g->ntable && !memcmp(c->bkpt, g->table, c->nbkpt * sizeof c->bkpt[0]))
        return;
    g->nowner = c->nbkpt;
    memcpy(g->owner, c->bkpt, sizeof g->owner);
    bp_install(g, c);
}

bool gdb_bp_insert(gdb_stub *g, a64_cpu *c, uint64_t addr, int type)
{
    for (unsigned i = 0; i < g->nbp; i++)
        if (g->bp[i] == addr) {
            g->bp_type[i] = (uint8_t)type;
            return true;
        }
    if (g->nowner + g->nbp >= A64_MAX_BREAKPOINTS)
        return false; // the CPU's table is full
    g->bp[g->nbp] = addr;
    g->bp_type[g->nbp++] = (uint8_t)type;
    bp_install(g, c);
    return true;
}

bool gdb_bp_remove(gdb_stub *g, a64_cpu *c, uint64_t addr, int type)
{
    (void)type; // one breakpoint per address, whichever kind inserted it
    for (unsigned i = 0; i < g->nbp; i++)
        if (g->bp[i] == addr) {
            g->bp[i] = g->bp[--g->nbp];
            g->bp_type[i] = g->bp_type[g->nbp];
            bp_install(g, c);
            break;
        }
    return true;
}

void gdb_disconnect(gdb_stub *g, a64_cpu *c, int mode)
{
    g->nbp = 0;
    if (c)
        bp_install(g, c);
    gdb_conn_close(g->fd);
    g->fd = -1;
    g->mode = mode;
}

/* ---- input ---- */

static void on_byte(gdb_stub *g, uint8_t b)
{
    switch (gdb_rx_byte(&g->rx, b)) {
    case GDB_RX_PACKET:
        if (!g->noack)
            gdb_conn_write(g->fd, "+", 1);
        // in all-stop mode GDB sends nothing but Ctrl-C while the target runs
        if (g->mode == GDB_STOPPED)
            gdb_handle_packet(g, g->rx.buf, g->rx.len);
        break;
    case GDB_RX_BAD_CHECKSUM:
        if (!g->noack)
            gdb_conn_write(g->fd, "-", 1); // GDB sends it again
        break;
    case GDB_RX_TOO_LONG:
        // resending would not help: take it and answer with an error
        if (!g->noack)
            gdb_conn_write(g->fd, "+", 1);
        if (g->mode == GDB_STOPPED)
            gdb_send_str(g, "E16");
        break;
    case GDB_RX_NACK:
        if (g->last_len)
            gdb_conn_write(g->fd, g->last, g->last_len);
        break;
    case GDB_RX_INTERRUPT:
        g->interrupted = g->mode == GDB_CONTINUE || g->mode == GDB_STEP;
        break;
    default: break;
    }
}

/* Handle buffered bytes, reading more (waiting up to timeout_ms, -1 for
 * ever) when none are left, until the mode changes. False when GDB went
 * away (the run goes on without it). */
static bool pump(gdb_stub *g, a64_cpu *c, int timeout_ms)
{
    if (g->in_at == g->in_len) {
        long n = gdb_conn_read(g->fd, g->in, sizeof g->in, timeout_ms);
        if (n < 0) {
            fprintf(stderr, "sim: gdb: the debugger went away; the run goes on without it\n");
            gdb_disconnect(g, c, GDB_DETACHED);
            return false;
        }
        g->in_at = 0;
        g->in_len = (size_t)n;
    }
    int mode = g->mode;
    while (g->in_at < g->in_len && g->mode == mode)
        on_byte(g, (uint8_t)g->in[g->in_at++]);
    return true;
}

/* ---- stops ---- */

static void stop_at(gdb_stub *g, a64_cpu *c, int signal, int bp)
{
    g->mode = GDB_STOPPED;
    g->seen = gdb_pos_now(c);
    g->interrupted = false;
    if (!gdb_report_stop(g, signal, bp))
        gdb_disconnect(g, c, GDB_DETACHED);
}

static void attach(gdb_stub *g, a64_cpu *c)
{
    g->fd = gdb_conn_accept(g->lfd);
    gdb_conn_close(g->lfd); // one debugger per run
    g->lfd = -1;
    if (g->fd < 0) {
        fprintf(stderr, "sim: gdb: no debugger connected; running without one\n");
        g->mode = GDB_DETACHED;
        return;
    }
    g->mode = GDB_STOPPED; // GDB asks why with '?'; the answer is SIGTRAP
    g->seen = gdb_pos_now(c);
}

/* A stop with a breakpoint of the CPU's table at the PC: GDB's first if it
 * has not seen this boundary, then the owner's. True: the caller's. */
static bool on_breakpoint(gdb_stub *g, a64_cpu *c)
{
    int bp = gdb_bp_at(g, c->pc);
    if (bp && !gdb_pos_eq(gdb_pos_now(c), g->seen)) {
        c->stop = A64_RUNNING;
        stop_at(g, c, GDB_SIGTRAP, bp);
        return false;
    }
    if (owner_at(g, c->pc))
        return true;
    c->stop = A64_RUNNING; // GDB's, already reported: pass it
    c->bkpt_resume = c->pc;
    return false;
}

/* After a stretch or a step stopped: a breakpoint, or the caller's stop. */
static bool after_stop(gdb_stub *g, a64_cpu *c)
{
    if (c->stop == A64_STOP_BREAK && c->bkpt_hit == c->pc)
        return on_breakpoint(g, c);
    return true;
}

/* One instruction boundary: the instruction at the PC, the exception it
 * raises or the asynchronous one taken instead. The CPU stands at a
 * boundary GDB has seen: its own breakpoint there must not stop it. */
static void one_boundary(gdb_stub *g, sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    gdb_pos before = gdb_pos_now(c);
    if (gdb_bp_at(g, c->pc) && !owner_at(g, c->pc) && gdb_pos_eq(before, g->seen))
        c->bkpt_resume = c->pc;
    c->bkpt_hit = NO_ADDR;
    machine_step(m);
    // the pass was for that boundary only (an exception may have come first)
    if (c->bkpt_resume == before.pc && !gdb_pos_eq(gdb_pos_now(c), before))
        c->bkpt_resume = NO_ADDR;
}

/* s: true when the CPU goes back to the caller (the step's stop report
 * then waits for the next call). */
static bool step(gdb_stub *g, sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    gdb_pos before = gdb_pos_now(c);
    one_boundary(g, m);
    if (!c->stop) {
        stop_at(g, c, GDB_SIGTRAP, 0);
        return false;
    }
    if (c->stop == A64_STOP_BREAK && c->bkpt_hit == c->pc)
        return on_breakpoint(g, c);
    // an owner's stop (the exit sentinel, a scenario's event) or the end
    g->report_due = !gdb_pos_eq(gdb_pos_now(c), before);
    return true;
}

/* c: a stretch of GDB_POLL_INSNS at most, then a look for Ctrl-C. */
static bool cont(gdb_stub *g, sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    if (gdb_bp_at(g, c->pc) && !owner_at(g, c->pc) && gdb_pos_eq(gdb_pos_now(c), g->seen)) {
        one_boundary(g, m); // off GDB's own breakpoint first
        if (c->stop)
            return after_stop(g, c);
    }
    uint64_t limit = m->insn_limit;
    if (c->insns < limit && limit - c->insns > GDB_POLL_INSNS)
        m->insn_limit = c->insns + GDB_POLL_INSNS;
    c->bkpt_hit = NO_ADDR;
    machine_run_free(m);
    m->insn_limit = limit;
    if (c->stop == A64_STOP_LIMIT && c->insns < limit && c->cycles < m->cycle_limit) {
        c->stop = A64_RUNNING; // the stretch's end, not the run's
        if (pump(g, c, 0) && g->interrupted)
            stop_at(g, c, GDB_SIGINT, 0);
        return false;
    }
    return after_stop(g, c);
}

/* Back from the caller: a step that ended there is reported now; a
 * breakpoint of GDB's the caller resumed over (a scenario's hook at the
 * same address) stops GDB now. */
static void on_return(gdb_stub *g, a64_cpu *c)
{
    int bp = gdb_bp_at(g, c->pc);
    if (g->report_due && g->mode == GDB_STEP)
        stop_at(g, c, GDB_SIGTRAP, 0);
    else if (g->mode == GDB_CONTINUE && bp && c->bkpt_resume == c->pc &&
             !gdb_pos_eq(gdb_pos_now(c), g->seen))
        stop_at(g, c, GDB_SIGTRAP, bp);
    g->report_due = false;
}

int gdb_stub_run(gdb_stub *g, sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    g->m = m;
    if (g->mode == GDB_UNATTACHED)
        attach(g, c);
    bp_sync(g, c);
    if (g->fd >= 0)
        on_return(g, c);
    for (;;) {
        switch (g->mode) {
        case GDB_STOPPED:
            while (g->mode == GDB_STOPPED && pump(g, c, -1))
                ;
            break;
        case GDB_STEP:
            if (step(g, m))
                return c->stop;
            break;
        case GDB_CONTINUE:
            if (cont(g, m))
                return c->stop;
            break;
        case GDB_KILLED:
            c->stop = A64_STOP_KILLED;
            return c->stop;
        default: // detached or gone: as if there had been no debugger
            return machine_run_free(m);
        }
    }
}

void gdb_stub_finish(gdb_stub *g, sim_machine *m, int status)
{
    if (g->fd >= 0) {
        char w[8];
        snprintf(w, sizeof w, "W%02x", status & 0xff);
        gdb_send_str(g, w);
        // GDB closes its end once it has read the W; wait for that (briefly)
        long n;
        do
            n = gdb_conn_read(g->fd, g->in, sizeof g->in, 1000);
        while (n > 0);
        gdb_disconnect(g, m ? &m->cpu : NULL, GDB_DONE);
    }
    g->mode = GDB_DONE;
}
