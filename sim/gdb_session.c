/* sim/gdb_session.c: the packets GDB sends while the target is stopped,
 * one handler each (registers, memory, breakpoints, resume, detach and
 * kill, queries, monitor commands), and the replies, per the GDB manual's
 * "Packets", "Stop Reply Packets" and "General Query Packets". */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gdb_conn.h"
#include "gdb_monitor.h"
#include "gdb_regs.h"
#include "gdb_session.h"
#include "machine.h"

/* Error numbers in E replies (GDB shows them, errno-like). */
#define E_INVAL "E16"
#define E_FAULT "E14"
#define E_NOSPC "E1c"
/* The most memory one m reply carries: its hex fills a packet. */
#define MAX_MEM_READ ((GDB_PACKET_MAX - 8) / 2)
/* Text per O packet of monitor output. */
#define MONITOR_CHUNK 512
/* The one thread the target has. */
#define THREAD_ID "1"

bool gdb_send(gdb_stub *g, const char *data, size_t len)
{
    size_t n = gdb_frame(g->last, sizeof g->last, data, len);
    g->last_len = n;
    return n && gdb_conn_write(g->fd, g->last, n);
}

bool gdb_send_str(gdb_stub *g, const char *s) { return gdb_send(g, s, strlen(s)); }

bool gdb_report_stop(gdb_stub *g, int signal, int bp)
{
    static const char *const reason[] = { "", "swbreak:;", "hwbreak:;" };
    bool told = (bp == GDB_BP_SW + 1 && g->swbreak) || (bp == GDB_BP_HW + 1 && g->hwbreak);
    char r[64];
    g->signal = signal;
    g->stop_bp = bp;
    snprintf(r, sizeof r, "T%02x%sthread:" THREAD_ID ";", signal, told ? reason[bp] : "");
    return gdb_send_str(g, r);
}

static a64_cpu *cpu(gdb_stub *g) { return &g->m->cpu; }

/* ---- registers ---- */

static void read_all_regs(gdb_stub *g)
{
    uint8_t v[GDB_REG_MAX_BYTES];
    size_t o = 0;
    for (unsigned n = 0; n < GDB_NREGS; n++) {
        unsigned len = gdb_reg_get(cpu(g), n, v);
        gdb_hex_encode(g->reply + o, v, len);
        o += 2 * len;
    }
    gdb_send(g, g->reply, o);
}

static void write_all_regs(gdb_stub *g, const char *hex, size_t len)
{
    uint8_t v[GDB_REG_MAX_BYTES];
    if (len != 2 * GDB_G_BYTES) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    a64_cpu before = *cpu(g);
    for (unsigned n = 0; n < GDB_NREGS; n++) {
        unsigned size = gdb_reg_size(n);
        if (!gdb_hex_decode(v, hex, size) || !gdb_reg_set(cpu(g), n, v)) {
            *cpu(g) = before; // all or nothing
            gdb_send_str(g, E_INVAL);
            return;
        }
        hex += 2 * size;
    }
    gdb_send_str(g, "OK");
}

static bool reg_number(const char *s, unsigned *n, const char **end)
{
    uint64_t v;
    if (!gdb_hex_number(s, &v, end) || v >= GDB_NREGS)
        return false;
    *n = (unsigned)v;
    return true;
}

static void read_reg(gdb_stub *g, const char *arg)
{
    uint8_t v[GDB_REG_MAX_BYTES];
    unsigned n;
    const char *end;
    if (!reg_number(arg, &n, &end) || *end) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    unsigned len = gdb_reg_get(cpu(g), n, v);
    gdb_hex_encode(g->reply, v, len);
    gdb_send(g, g->reply, 2 * len);
}

static void write_reg(gdb_stub *g, const char *arg)
{
    uint8_t v[GDB_REG_MAX_BYTES];
    unsigned n;
    const char *end;
    if (!reg_number(arg, &n, &end) || *end != '=' || strlen(end + 1) != 2 * gdb_reg_size(n) ||
        !gdb_hex_decode(v, end + 1, gdb_reg_size(n)) || !gdb_reg_set(cpu(g), n, v)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    gdb_send_str(g, "OK");
}

/* ---- memory ---- */

/* "ADDR,LEN" followed by `term` (or the end when term is 0). */
static bool addr_len(const char *s, char term, uint64_t *addr, uint64_t *len, const char **rest)
{
    const char *p;
    if (!gdb_hex_number(s, addr, &p) || *p != ',' || !gdb_hex_number(p + 1, len, &p) || *p != term)
        return false;
    *rest = term ? p + 1 : p;
    return *addr + *len >= *addr;
}

static void read_mem(gdb_stub *g, const char *arg)
{
    uint8_t *buf = g->scratch;
    uint64_t addr, len;
    const char *rest;
    if (!addr_len(arg, 0, &addr, &len, &rest)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    if (len > MAX_MEM_READ)
        len = MAX_MEM_READ; // a short reply: GDB asks again for the rest
    // page by page, as far as memory goes: a short reply, or an error at once
    uint64_t got = 0;
    while (got < len) {
        uint64_t a = addr + got, room = A64_PAGE_SIZE - (a & (A64_PAGE_SIZE - 1));
        uint64_t n = len - got < room ? len - got : room;
        if (!mem_read(&g->m->mem, a, buf + got, n))
            break;
        got += n;
    }
    if (!got && len) {
        gdb_send_str(g, E_FAULT);
        return;
    }
    gdb_hex_encode(g->reply, buf, got);
    gdb_send(g, g->reply, 2 * got);
}

/* Write memory only when all of it is there, and let the CPU forget any
 * decoded code or host pointer it held for those pages. */
static bool write_mem(gdb_stub *g, uint64_t addr, const void *data, uint64_t len)
{
    sim_machine *m = g->m;
    for (uint64_t p = addr & A64_PAGE_MASK; len && p <= ((addr + len - 1) & A64_PAGE_MASK); p += A64_PAGE_SIZE)
        if (!mem_host_page(&m->mem, p, false))
            return false;
    if (len && !mem_write(&m->mem, addr, data, len))
        return false;
    a64_tlb_flush(&m->cpu);
    return true;
}

static void write_mem_hex(gdb_stub *g, const char *arg)
{
    uint8_t *buf = g->scratch;
    uint64_t addr, len;
    const char *hex;
    if (!addr_len(arg, ':', &addr, &len, &hex) || len > sizeof g->scratch || strlen(hex) != 2 * len ||
        !gdb_hex_decode(buf, hex, len)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    gdb_send_str(g, write_mem(g, addr, buf, len) ? "OK" : E_FAULT);
}

/* X: the data is binary (already unescaped by the framing). */
static void write_mem_bin(gdb_stub *g, const char *pkt, size_t plen)
{
    uint64_t addr, len;
    const char *data;
    if (!addr_len(pkt + 1, ':', &addr, &len, &data) || (size_t)(data - pkt) + len != plen) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    gdb_send_str(g, write_mem(g, addr, data, len) ? "OK" : E_FAULT);
}

/* ---- breakpoints: Z0/Z1 insert, z0/z1 remove; watch points are not offered ---- */

static void breakpoint(gdb_stub *g, const char *pkt)
{
    bool insert = pkt[0] == 'Z';
    uint64_t addr, kind;
    const char *p;
    if (pkt[1] != '0' && pkt[1] != '1') {
        gdb_send_str(g, ""); // not supported: GDB falls back or says so
        return;
    }
    if (pkt[2] != ',' || !gdb_hex_number(pkt + 3, &addr, &p) || *p != ',' || !gdb_hex_number(p + 1, &kind, &p)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    int type = pkt[1] == '0' ? GDB_BP_SW : GDB_BP_HW;
    bool ok = insert ? gdb_bp_insert(g, cpu(g), addr, type) : gdb_bp_remove(g, cpu(g), addr, type);
    gdb_send_str(g, ok ? "OK" : E_NOSPC);
}

/* ---- resuming ---- */

/* c/s [ADDR], C/S SIG[;ADDR]: the signal is GDB's to pass; a bare-metal
 * CPU has none to deliver, so it is dropped. */
static void resume(gdb_stub *g, const char *pkt, int mode)
{
    const char *a = pkt + 1;
    if (pkt[0] == 'C' || pkt[0] == 'S') {
        a = strchr(a, ';');
        a = a ? a + 1 : "";
    }
    uint64_t pc;
    const char *end;
    if (*a) {
        if (!gdb_hex_number(a, &pc, &end) || *end) {
            gdb_send_str(g, E_INVAL);
            return;
        }
        cpu(g)->pc = pc;
    }
    g->mode = mode;
}

/* vCont;ACTION[:thread][;ACTION...]: one thread, so the first action is
 * the one for it. */
static void vcont(gdb_stub *g, const char *args)
{
    switch (args[0]) {
    case 'c': case 'C': g->mode = GDB_CONTINUE; break;
    case 's': case 'S': g->mode = GDB_STEP; break;
    case 't': gdb_report_stop(g, 0, 0); break; // already stopped
    default: gdb_send_str(g, E_INVAL); break;
    }
}

/* ---- queries ---- */

static void supported(gdb_stub *g, const char *features)
{
    char r[160];
    g->swbreak = strstr(features, "swbreak+") != NULL;
    g->hwbreak = strstr(features, "hwbreak+") != NULL;
    snprintf(r, sizeof r, "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+;swbreak+;hwbreak+;vContSupported+",
             GDB_PACKET_MAX);
    gdb_send_str(g, r);
}

/* qXfer:features:read:ANNEX:OFFSET,LENGTH */
static void xfer_features(gdb_stub *g, const char *arg)
{
    static const char annex[] = "target.xml:";
    uint64_t off, len;
    const char *rest;
    if (strncmp(arg, annex, sizeof annex - 1) != 0) {
        gdb_send_str(g, "E00"); // the description is one document
        return;
    }
    if (!addr_len(arg + sizeof annex - 1, 0, &off, &len, &rest)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    if (off >= g->xml_len) {
        gdb_send_str(g, "l");
        return;
    }
    uint64_t n = g->xml_len - off < len ? g->xml_len - off : len;
    if (n > GDB_PACKET_MAX - 1)
        n = GDB_PACKET_MAX - 1;
    g->reply[0] = off + n < g->xml_len ? 'm' : 'l';
    memcpy(g->reply + 1, g->xml + off, n);
    gdb_send(g, g->reply, n + 1);
}

/* qRcmd,HEX: the command's text goes back in O packets, then OK. */
static void monitor(gdb_stub *g, const char *hex)
{
    char *line = (char *)g->scratch;
    gdb_text *out = &g->text;
    size_t n = strlen(hex) / 2;
    if (strlen(hex) % 2 || !gdb_hex_decode(line, hex, n)) {
        gdb_send_str(g, E_INVAL);
        return;
    }
    line[n] = 0;
    gdb_monitor(g->m, line, out);
    for (size_t at = 0; at < out->len; at += MONITOR_CHUNK) {
        size_t k = out->len - at < MONITOR_CHUNK ? out->len - at : MONITOR_CHUNK;
        g->reply[0] = 'O';
        gdb_hex_encode(g->reply + 1, out->buf + at, k);
        if (!gdb_send(g, g->reply, 1 + 2 * k))
            return;
    }
    gdb_send_str(g, "OK");
}

static bool starts(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

static void query(gdb_stub *g, const char *pkt)
{
    if (starts(pkt, "qSupported"))
        supported(g, pkt);
    else if (starts(pkt, "qXfer:features:read:"))
        xfer_features(g, pkt + strlen("qXfer:features:read:"));
    else if (starts(pkt, "qRcmd,"))
        monitor(g, pkt + strlen("qRcmd,"));
    else if (!strcmp(pkt, "qAttached"))
        gdb_send_str(g, "1"); // GDB's quit detaches and the run goes on
    else if (!strcmp(pkt, "qC"))
        gdb_send_str(g, "QC" THREAD_ID);
    else if (!strcmp(pkt, "qfThreadInfo"))
        gdb_send_str(g, "m" THREAD_ID);
    else if (!strcmp(pkt, "qsThreadInfo"))
        gdb_send_str(g, "l");
    else if (starts(pkt, "qSymbol"))
        gdb_send_str(g, "OK"); // no symbols wanted
    else if (!strcmp(pkt, "QStartNoAckMode")) {
        gdb_send_str(g, "OK"); // acknowledged under the old mode
        g->noack = true;
    } else
        gdb_send_str(g, ""); // unsupported: the empty reply
}

void gdb_handle_packet(gdb_stub *g, char *pkt, size_t len)
{
    a64_cpu *c = cpu(g);
    switch (pkt[0]) {
    case '?': gdb_report_stop(g, g->signal, g->stop_bp); break;
    case 'g': read_all_regs(g); break;
    case 'G': write_all_regs(g, pkt + 1, len - 1); break;
    case 'p': read_reg(g, pkt + 1); break;
    case 'P': write_reg(g, pkt + 1); break;
    case 'm': read_mem(g, pkt + 1); break;
    case 'M': write_mem_hex(g, pkt + 1); break;
    case 'X': write_mem_bin(g, pkt, len); break;
    case 'Z': case 'z': breakpoint(g, pkt); break;
    case 'c': case 'C': resume(g, pkt, GDB_CONTINUE); break;
    case 's': case 'S': resume(g, pkt, GDB_STEP); break;
    case 'H': case 'T': gdb_send_str(g, "OK"); break; // the one thread
    case 'D':
        gdb_send_str(g, "OK");
        gdb_disconnect(g, c, GDB_DETACHED);
        break;
    case 'k': gdb_disconnect(g, c, GDB_KILLED); break; // no reply (the manual's k)
    case 'q': case 'Q': query(g, pkt); break;
    case 'v':
        if (!strcmp(pkt, "vCont?"))
            gdb_send_str(g, "vCont;c;C;s;S;t");
        else if (starts(pkt, "vCont;"))
            vcont(g, pkt + strlen("vCont;"));
        else if (starts(pkt, "vKill")) {
            gdb_send_str(g, "OK");
            gdb_disconnect(g, c, GDB_KILLED);
        } else
            gdb_send_str(g, "");
        break;
    default: gdb_send_str(g, ""); break;
    }
}
