/* sim/report.c: the final summary of a run: stop reason, registers,
 * counts and memory dumps, as text or as JSON built with jansson. */
#include "report.h"

#include <inttypes.h>
#include <jansson.h>
#include <string.h>

#include "syndrome.h"

static const struct {
    const char *name;
    int status;
} stops[] = {
    [A64_RUNNING] = { "still running", SIM_EXIT_OK },
    [A64_STOP_POWEROFF] = { "PSCI SYSTEM_OFF", SIM_EXIT_OK },
    [A64_STOP_RESET] = { "PSCI SYSTEM_RESET", SIM_EXIT_OK },
    [A64_STOP_LIMIT] = { "instruction or cycle limit reached", SIM_EXIT_LIMIT },
    [A64_STOP_EXC_LOOP] = { "exception loop: the vector itself faulted", SIM_EXIT_PANIC },
    [A64_STOP_WFI_DEADLOCK] = { "WFI/WFE with nothing that could wake it", SIM_EXIT_LIMIT },
    [A64_STOP_BREAK] = { "stopped by request", SIM_EXIT_OK },
    [A64_STOP_WATCH] = { "stopped at a watch point", SIM_EXIT_OK },
    [A64_STOP_KILLED] = { "killed by the debugger", SIM_EXIT_LIMIT },
};

int report_exit_status(int stop) { return stops[stop].status; }
const char *report_stop_name(int stop) { return stops[stop].name; }

static const char *stop_key(int stop)
{
    static const char *const keys[] = { "running", "poweroff", "reset", "limit", "exception-loop",
                                        "wait-forever", "break", "watch", "killed" };
    return keys[stop];
}

static void text_dump(FILE *out, sim_machine *m, const sim_range *r)
{
    fprintf(out, "memory 0x%" PRIx64 " +0x%" PRIx64 ":\n", r->addr, r->len);
    for (uint64_t off = 0; off < r->len; off += 8) {
        uint64_t w = 0;
        unsigned n = r->len - off < 8 ? (unsigned)(r->len - off) : 8;
        if (!mem_read(&m->mem, r->addr + off, &w, n))
            fprintf(out, "unmapped\n");
        else
            fprintf(out, "%016" PRIx64 "\n", w);
    }
}

static const char *const fate_names[] = { "still pending", "taken", "deferred", "left to the host" };

void report_async_text(FILE *out, sim_machine *m, const sim_options *o)
{
    char sym[128];
    for (unsigned i = 0; i < m->nrec; i++) {
        const sim_async_record *r = &m->rec[i];
        const char *src = r->injection >= 0 ? m->inj[r->injection].spec : r->source ? r->source : "raised by the code";
        fprintf(out, "  async %-8s (%s) asserted at insn %llu pc=0x%llx%s%s: %s", inject_kind_name(r->kind),
                src, (unsigned long long)r->at_insn, (unsigned long long)r->at_pc,
                machine_symbolize(m, r->at_pc, sym, sizeof sym)[0] ? " " : "", sym, fate_names[r->fate]);
        if (r->fate == AFATE_TAKEN)
            fprintf(out, " to EL%u at vector 0x%llx, ELR=0x%llx %s", r->el, (unsigned long long)r->vector,
                    (unsigned long long)r->elr, machine_symbolize(m, r->elr, sym, sizeof sym));
        else if (r->fate == AFATE_DEFERRED)
            fprintf(out, " by an ESB at EL%u", r->el);
        fputc('\n', out);
        if (r->fate == AFATE_PENDING)
            fprintf(out, "  WARNING: the %s above was never taken (still pending at the end)\n", inject_kind_name(r->kind));
    }
    (void)o;
    for (unsigned i = 0; i < m->ninj; i++)
        if (!m->inj[i].fired)
            fprintf(out, "  WARNING: injection never fired: %s\n", m->inj[i].spec);
    if (m->rec_overflow)
        fprintf(out, "  WARNING: more asynchronous exceptions than the %d recorded\n", SIM_MAX_ASYNC_RECORDS);
}

void report_text(FILE *out, sim_machine *m, const sim_options *o)
{
    a64_cpu *c = &m->cpu;
    char sym[128];
    machine_symbolize(m, c->pc, sym, sizeof sym);
    fprintf(out, "elsim: %s at EL%u pc=0x%" PRIx64 "%s%s\n", report_stop_name(c->stop), c->ps.el,
            c->pc, sym[0] ? " " : "", sym);
    if (c->stop == A64_STOP_EXC_LOOP)
        fprintf(out, "  unhandled exception: EC=0x%02x ESR=0x%08" PRIx32 " to EL%u, vector 0x%" PRIx64
                     " (is VBAR_EL%u set?)\n",
                syn_ec(c->exc.esr), c->exc.esr, c->exc.target_el, c->last_vector, c->exc.target_el);
    if (c->stop == A64_STOP_WFI_DEADLOCK)
        fprintf(out, "  waiting at 0x%" PRIx64 "; no interrupt source exists in this run\n", m->wait_pc);
    fprintf(out, "  instructions %" PRIu64 ", cycles %" PRIu64 " (EL0 %" PRIu64 ", EL1 %" PRIu64
                 ", EL2 %" PRIu64 "; barriers and pipeline refills %" PRIu64 ")\n",
            c->insns, c->cycles, c->cycles_el[0], c->cycles_el[1], c->cycles_el[2], c->barrier_cycles);
    for (unsigned i = 0; i < 31; i++)
        fprintf(out, "  x%-2u 0x%016" PRIx64 "%s", i, c->x[i], (i % 4 == 3) ? "\n" : "");
    fprintf(out, "  sp  0x%016" PRIx64 "\n", a64_sp(c));
    fprintf(out, "  nzcv %c%c%c%c  daif 0x%x  SPSel %u\n", (c->ps.nzcv & PSTATE_N) ? 'N' : '-',
            (c->ps.nzcv & PSTATE_Z) ? 'Z' : '-', (c->ps.nzcv & PSTATE_C) ? 'C' : '-',
            (c->ps.nzcv & PSTATE_V) ? 'V' : '-', c->ps.daif >> 6, c->ps.sp);
    report_async_text(out, m, o);
    for (unsigned i = 0; i < o->ndumps; i++)
        text_dump(out, m, &o->dumps[i]);
}

static json_t *hex(uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "0x%" PRIx64, v);
    return json_string(buf);
}

static json_t *json_dump(sim_machine *m, const sim_range *r)
{
    json_t *d = json_object();
    json_object_set_new(d, "addr", hex(r->addr));
    json_object_set_new(d, "len", json_integer((json_int_t)r->len));
    json_t *words = json_array();
    for (uint64_t off = 0; off < r->len; off += 8) {
        uint64_t w = 0;
        unsigned n = r->len - off < 8 ? (unsigned)(r->len - off) : 8;
        json_array_append_new(words, mem_read(&m->mem, r->addr + off, &w, n) ? hex(w) : json_null());
    }
    json_object_set_new(d, "words", words);
    return d;
}

json_t *report_async_json(sim_machine *m)
{
    json_t *a = json_array();
    for (unsigned i = 0; i < m->nrec; i++) {
        const sim_async_record *r = &m->rec[i];
        json_t *e = json_object();
        json_object_set_new(e, "kind", json_string(inject_kind_name(r->kind)));
        json_object_set_new(e, "source", json_string(r->injection >= 0 ? m->inj[r->injection].spec : r->source ? r->source : "code"));
        json_object_set_new(e, "asserted_insn", json_integer((json_int_t)r->at_insn));
        json_object_set_new(e, "asserted_pc", hex(r->at_pc));
        json_object_set_new(e, "fate", json_string(fate_names[r->fate]));
        if (r->fate != AFATE_PENDING) {
            json_object_set_new(e, "el", json_integer(r->el));
            json_object_set_new(e, "fate_insn", json_integer((json_int_t)r->fate_insn));
        }
        if (r->fate == AFATE_TAKEN) {
            json_object_set_new(e, "vector", hex(r->vector));
            json_object_set_new(e, "elr", hex(r->elr));
        }
        json_array_append_new(a, e);
    }
    return a;
}

bool report_json(FILE *out, sim_machine *m, const sim_options *o)
{
    a64_cpu *c = &m->cpu;
    char sym[128];
    json_t *j = json_object();
    json_object_set_new(j, "stop", json_string(stop_key(c->stop)));
    json_object_set_new(j, "status", json_integer(report_exit_status(c->stop)));
    json_object_set_new(j, "el", json_integer(c->ps.el));
    json_object_set_new(j, "pc", hex(c->pc));
    json_object_set_new(j, "symbol", json_string(machine_symbolize(m, c->pc, sym, sizeof sym)));
    json_t *x = json_array();
    for (unsigned i = 0; i < 31; i++)
        json_array_append_new(x, hex(c->x[i]));
    json_object_set_new(j, "x", x);
    json_object_set_new(j, "sp", hex(a64_sp(c)));
    json_object_set_new(j, "nzcv", hex(c->ps.nzcv >> 28));
    json_object_set_new(j, "daif", hex(c->ps.daif >> 6));
    json_object_set_new(j, "insns", json_integer((json_int_t)c->insns));
    json_object_set_new(j, "cycles", json_integer((json_int_t)c->cycles));
    json_object_set_new(j, "cycles_el", json_pack("[I,I,I]", (json_int_t)c->cycles_el[0],
                                                  (json_int_t)c->cycles_el[1], (json_int_t)c->cycles_el[2]));
    json_object_set_new(j, "barrier_cycles", json_integer((json_int_t)c->barrier_cycles));
    if (c->stop == A64_STOP_EXC_LOOP) {
        json_t *e = json_object();
        json_object_set_new(e, "esr", hex(c->exc.esr));
        json_object_set_new(e, "target_el", json_integer(c->exc.target_el));
        json_object_set_new(e, "vector", hex(c->last_vector));
        json_object_set_new(j, "unhandled_exception", e);
    }
    json_object_set_new(j, "async", report_async_json(m));
    json_t *unfired = json_array();
    for (unsigned i = 0; i < m->ninj; i++)
        if (!m->inj[i].fired)
            json_array_append_new(unfired, json_string(m->inj[i].spec));
    json_object_set_new(j, "unfired", unfired);
    json_t *dumps = json_array();
    for (unsigned i = 0; i < o->ndumps; i++)
        json_array_append_new(dumps, json_dump(m, &o->dumps[i]));
    json_object_set_new(j, "memory", dumps);
    int rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(j);
    return rc == 0;
}
