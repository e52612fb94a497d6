/* sim/trace_tarmac.c: the trace in Arm's Tarmac text format, as Fast Models'
 * TarmacTrace writes it (Fast Models Reference Guide, "TarmacTrace file
 * format"), so Tarmac tools (tarmac-browser, tarmac-callinfo...) read it. */
#include <inttypes.h>
#include <string.h>

#include "decode.h"
#include "exception.h"
#include "machine.h"
#include "pstate.h"
#include "trace_step.h"

/* Event numbers and names of exception entry: 0x80 + 4 * group + type,
 * groups in the order of the vector table (current EL with SP0, with SPx,
 * lower EL AArch64, AArch32), types sync, IRQ, FIQ, SError ("ABORT"). */
#define TARMAC_EVENT_VECTOR_BASE 0x80u
static const char *const event_group[4] = { "CURRENT_SP0", "CURRENT_SPx", "LOWER_64", "LOWER_32" };
static const char *const event_type[4] = { "SYNC", "IRQ", "FIQ", "ABORT" };

static const char *const sp_name[3] = { "SP_EL0", "SP_EL1", "SP_EL2" };

/* <mode>_<security>: EL and stack pointer ('t' SP_EL0, 'h' SP_ELx), and
 * 'n': elsim models the Non-secure EL0-EL2 only. */
static void mode_name(const a64_pstate *ps, char buf[8])
{
    snprintf(buf, 8, "EL%u%c_n", ps->el & 3, ps->el && ps->sp ? 'h' : 't');
}

/* Tarmac's IS: the instruction failed its condition. In A64 only the
 * conditional branches have one: B.cond, CBZ/CBNZ, TBZ/TBNZ not taken. */
static bool condition_failed(uint32_t word, const a64_cpu *b)
{
    a64_dec d;
    a64_decode(word, &d);
    switch (d.op) {
    case OP_B_cond: return !a64_cond_holds(b->ps.nzcv, a64_fld(&d, 'c'));
    case OP_CBZ:
    case OP_CBNZ: {
        uint64_t v = b->x[a64_fld(&d, 't')];
        bool zero = (a64_fld(&d, 'f') ? v : (uint32_t)v) == 0;
        return zero != (d.op == OP_CBZ);
    }
    case OP_TBZ:
    case OP_TBNZ: {
        unsigned bit = a64_fld(&d, 'b') << 5 | a64_fld(&d, 'j');
        bool set = (b->x[a64_fld(&d, 't')] >> bit) & 1;
        return set != (d.op == OP_TBNZ);
    }
    default: return false;
    }
}

/* R lines for every register that differs between b and a: the general
 * registers and stack pointers, PSTATE as cpsr (SPSR layout), the FP/SIMD
 * registers as q (high half first), FPCR/FPSR, the system registers. */
static void put_registers(sim_trace *t, uint64_t time, const a64_cpu *b, const a64_cpu *a)
{
    FILE *o = t->out;
    uint32_t bps = a64_pstate_to_spsr(&b->ps), aps = a64_pstate_to_spsr(&a->ps);
    if (aps != bps)
        fprintf(o, "%" PRIu64 " clk R cpsr %08" PRIx32 "\n", time, aps);
    for (unsigned i = 0; i < 31; i++)
        if (a->x[i] != b->x[i])
            fprintf(o, "%" PRIu64 " clk R X%u %016" PRIX64 "\n", time, i, a->x[i]);
    for (unsigned i = 0; i < 3; i++)
        if (a->sp_el[i] != b->sp_el[i])
            fprintf(o, "%" PRIu64 " clk R %s %016" PRIX64 "\n", time, sp_name[i], a->sp_el[i]);
    for (unsigned i = 0; i < 32; i++)
        if (a->v[i][0] != b->v[i][0] || a->v[i][1] != b->v[i][1])
            fprintf(o, "%" PRIu64 " clk R q%u %016" PRIX64 "%016" PRIX64 "\n", time, i, a->v[i][1], a->v[i][0]);
    if (a->fpcr != b->fpcr)
        fprintf(o, "%" PRIu64 " clk R fpcr %08" PRIX32 "\n", time, (uint32_t)a->fpcr);
    if (a->fpsr != b->fpsr)
        fprintf(o, "%" PRIu64 " clk R fpsr %08" PRIX32 "\n", time, (uint32_t)a->fpsr);
    for (int i = 0; i < SR_COUNT; i++)
        if (a->sr[i] != b->sr[i])
            fprintf(o, "%" PRIu64 " clk R %s %016" PRIX64 "\n", time, sysreg_table[i].name, a->sr[i]);
}

/* M<R|W><size> <va>:<pa>_NS <value>: VA = PA (no translation is
 * modelled), Non-secure; values of 8 bytes split in 32-bit halves. */
static void put_accesses(sim_trace *t, uint64_t time)
{
    for (unsigned i = 0; i < t->log.n; i++) {
        const a64_access *a = &t->log.a[i];
        fprintf(t->out, "%" PRIu64 " clk M%c%u %016" PRIx64 ":%016" PRIx64 "_NS ", time, a->write ? 'W' : 'R',
                a->size, a->va, a->va);
        if (a->size == 8)
            fprintf(t->out, "%08" PRIx32 "_%08" PRIx32 "\n", (uint32_t)(a->value >> 32), (uint32_t)a->value);
        else
            fprintf(t->out, "%0*" PRIx64 "\n", 2 * a->size, a->value);
    }
}

/* E <pc> <number> CoreEvent_<group>_<type>: the exception entry the step
 * made, from where it was taken (b) to the vector it entered (a). */
static void put_exception(sim_trace *t, uint64_t time, uint64_t pc, const a64_cpu *b, const a64_cpu *a)
{
    unsigned group = a->ps.el > b->ps.el ? 2 : b->ps.sp ? 1 : 0; // every lower EL is AArch64
    unsigned type = (unsigned)(a64_vector_offset(a) >> 7) & 3;
    fprintf(t->out, "%" PRIu64 " clk E %016" PRIx64 " %08x CoreEvent_%s_%s\n", time, pc,
            TARMAC_EVENT_VECTOR_BASE + 4 * group + type, event_group[group], event_type[type]);
}

void trace_tarmac_step(sim_trace *t, sim_machine *m, const trace_step_info *s)
{
    const a64_cpu *b = &t->before, *a = &m->cpu;
    uint64_t time = s->cycles;
    // what changed since the last step outside any instruction (the
    // harness, as KVM's C code, sets up each entry): first the whole state
    if (!t->started)
        memset(&t->after, 0, sizeof t->after);
    put_registers(t, time, &t->after, b);
    t->started = true;

    // the instruction ran (retired or raised a synchronous exception);
    // nothing to show for an asynchronous exception taken before it, or a
    // stop before it (a breakpoint)
    bool ran = s->fetched && !(s->pc & 3) && !b->ps.il && (s->retired || (s->exception && !s->async));
    if (ran) {
        char mode[8], dis[96];
        mode_name(&b->ps, mode);
        trace_disasm(t, s->word, s->pc, dis, sizeof dis);
        t->tarmac_n++;
        fprintf(t->out, "%" PRIu64 " clk %s (%" PRIu64 ") %016" PRIx64 " %08" PRIx32 " O %s : %s\n", time,
                s->retired && condition_failed(s->word, b) ? "IS" : "IT", t->tarmac_n, s->pc, s->word, mode,
                dis);
        put_accesses(t, time);
    }
    if (s->exception)
        put_exception(t, time, s->pc, b, a);
    if (ran || s->exception) {
        put_registers(t, time, b, a);
        t->after = *a;
    } else {
        t->after = *b; // what the step changed shows with the next one
    }
}
