/* sim/trace.c: stepping under a trace, and the text format. Capstone
 * disassembles; elsim names what Capstone 4 lacks (ESB, SB, BTI, PAC
 * hints...). Deterministic output. */
#include "trace.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "exception.h"
#include "machine.h"
#include "syndrome.h"
#include "sysreg.h"
#include "trace_step.h"

sim_trace *trace_new(FILE *out, bool owns)
{
    sim_trace *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = out;
    t->owns = owns;
    t->cs_ok = cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &t->cs) == CS_ERR_OK;
    return t;
}

void trace_set_format(sim_trace *t, enum trace_format format) { t->format = format; }

bool trace_format_parse(const char *s, enum trace_format *format)
{
    static const struct {
        const char *name;
        enum trace_format format;
    } names[] = { { "text", TRACE_TEXT }, { "tarmac", TRACE_TARMAC } };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].name)) {
            *format = names[i].format;
            return true;
        }
    return false;
}

void trace_free(sim_trace *t)
{
    if (!t)
        return;
    if (t->cs_ok)
        cs_close(&t->cs);
    if (t->owns && t->out)
        fclose(t->out);
    free(t);
}

/* elsim's name for a row: its id in lower case, '_' as a space
 * ("BTI_c" -> "bti c", "PSB_CSYNC" -> "psb csync"). */
static void own_name(unsigned op, char *buf, size_t len)
{
    const char *id = a64_insns[op].id;
    size_t i = 0;
    for (; id[i] && i + 1 < len; i++)
        buf[i] = id[i] == '_' ? ' ' : (char)tolower((unsigned char)id[i]);
    buf[i] = 0;
}

/* Named hint and barrier rows Capstone 4 does not know print under
 * elsim's name: Capstone shows them as "hint #n", a bogus "msr", or
 * nothing. The generic rows (HINT, DSB, DMB, ISB, CLREX) keep Capstone's. */
static bool own_name_preferred(unsigned op, const char *cs_mnemonic)
{
    unsigned cls = a64_insns[op].cls;
    if (op == OP_UNALLOCATED || (cls != CLS_HINT && cls != CLS_BARRIER))
        return false;
    if (op == OP_HINT || op == OP_DSB || op == OP_DMB || op == OP_ISB || op == OP_CLREX)
        return false;
    if (!cs_mnemonic)
        return true;
    char own[32];
    own_name(op, own, sizeof own);
    size_t n = strcspn(own, " ");
    return strncmp(own, cs_mnemonic, n) != 0 || cs_mnemonic[n] != 0;
}

/* Capstone 4 writes system registers it does not know by encoding
 * ("s3_0_c12_c1_1"): name the ones elsim's table has ("disr_el1"). */
static void name_sysregs(char *buf, size_t len)
{
    for (char *p = buf; (p = strchr(p, 's')) != NULL; p++) {
        unsigned op0, op1, crn, crm, op2;
        int n = 0;
        if ((p != buf && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) ||
            sscanf(p, "s%u_%u_c%u_c%u_%u%n", &op0, &op1, &crn, &crm, &op2, &n) != 5 || n == 0 ||
            isalnum((unsigned char)p[n]) || op0 > 3 || op1 > 7 || crn > 15 || crm > 15 || op2 > 7)
            continue;
        int id = sysreg_lookup(SYSREG_ENC(op0, op1, crn, crm, op2));
        if (id < 0)
            continue;
        char name[32], rest[128];
        size_t k = 0;
        for (const char *q = sysreg_table[id].name; *q && k + 1 < sizeof name; q++)
            name[k++] = (char)tolower((unsigned char)*q);
        name[k] = 0;
        snprintf(rest, sizeof rest, "%s", p + n);
        snprintf(p, len - (size_t)(p - buf), "%s%s", name, rest);
    }
}

const char *trace_disasm(sim_trace *t, uint32_t word, uint64_t pc, char *buf, size_t len)
{
    unsigned op = a64_decode_op(word);
    cs_insn *insn = NULL;
    size_t n = t->cs_ok ? cs_disasm(t->cs, (const uint8_t *)&word, 4, pc, 1, &insn) : 0;
    const char *mn = n ? insn->mnemonic : NULL;
    if (own_name_preferred(op, mn))
        own_name(op, buf, len);
    else if (n) {
        snprintf(buf, len, "%s%s%s", insn->mnemonic, insn->op_str[0] ? " " : "", insn->op_str);
        name_sysregs(buf, len);
    }
    else if (op != OP_UNALLOCATED)
        own_name(op, buf, len);
    else
        snprintf(buf, len, ".inst 0x%08" PRIx32 " (unallocated)", word);
    if (n)
        cs_free(insn, n);
    return buf;
}

static bool has_changes(const a64_cpu *b, const a64_cpu *a)
{
    return memcmp(a->x, b->x, sizeof a->x) || memcmp(a->sp_el, b->sp_el, sizeof a->sp_el) ||
           a->ps.nzcv != b->ps.nzcv || a->ps.daif != b->ps.daif ||
           memcmp(a->v, b->v, sizeof a->v) || a->fpcr != b->fpcr || a->fpsr != b->fpsr ||
           memcmp(a->sr, b->sr, sizeof a->sr);
}

static void put_changes(sim_trace *t, const a64_cpu *b, const a64_cpu *a)
{
    for (unsigned i = 0; i < 31; i++)
        if (a->x[i] != b->x[i])
            fprintf(t->out, " x%u=0x%" PRIx64, i, a->x[i]);
    static const char *const spn[3] = { "sp_el0", "sp_el1", "sp_el2" };
    for (unsigned i = 0; i < 3; i++)
        if (a->sp_el[i] != b->sp_el[i])
            fprintf(t->out, " %s=0x%" PRIx64, spn[i], a->sp_el[i]);
    if (a->ps.nzcv != b->ps.nzcv)
        fprintf(t->out, " nzcv=0x%" PRIx32, a->ps.nzcv >> 28);
    if (a->ps.daif != b->ps.daif)
        fprintf(t->out, " daif=0x%" PRIx32, a->ps.daif >> 6);
    for (unsigned i = 0; i < 32; i++)
        if (a->v[i][0] != b->v[i][0] || a->v[i][1] != b->v[i][1])
            fprintf(t->out, " q%u=0x%016" PRIx64 "%016" PRIx64, i, a->v[i][1], a->v[i][0]);
    if (a->fpcr != b->fpcr)
        fprintf(t->out, " fpcr=0x%" PRIx64, (uint64_t)a->fpcr);
    if (a->fpsr != b->fpsr)
        fprintf(t->out, " fpsr=0x%" PRIx64, (uint64_t)a->fpsr);
    for (int i = 0; i < SR_COUNT; i++)
        if (a->sr[i] != b->sr[i])
            fprintf(t->out, " %s=0x%" PRIx64, sysreg_table[i].name, a->sr[i]);
}

/* The text format: one line per step, the exception entry on a second. */
static void put_text(sim_trace *t, sim_machine *m, const trace_step_info *s)
{
    a64_cpu *c = &m->cpu;
    char sym[128], dis[96];
    machine_symbolize(m, s->pc, sym, sizeof sym);
    if (s->fetched)
        trace_disasm(t, s->word, s->pc, dis, sizeof dis);
    else
        snprintf(dis, sizeof dis, "<no memory at pc>");
    fprintf(t->out, "%8" PRIu64 " EL%u %016" PRIx64 " %-28s %s", t->before.insns, t->before.ps.el, s->pc,
            sym, dis);
    if (has_changes(&t->before, c)) {
        // align the register column only when there is one: no trailing blanks
        fprintf(t->out, "%*s", (int)(dis[0] && strlen(dis) < 36 ? 36 - strlen(dis) : 1), "");
        put_changes(t, &t->before, c);
    }
    fputc('\n', t->out);
    if (s->exception) {
        unsigned tel = c->ps.el;
        uint32_t esr = (uint32_t)c->sr[tel == 2 ? SR_ESR_EL2 : SR_ESR_EL1];
        uint64_t elr = c->sr[tel == 2 ? SR_ELR_EL2 : SR_ELR_EL1];
        machine_symbolize(m, c->pc, sym, sizeof sym);
        fprintf(t->out, "         exception to EL%u: EC=0x%02x ESR=0x%08" PRIx32 " ELR=0x%" PRIx64
                        " vector 0x%" PRIx64 " %s\n",
                tel, syn_ec(esr), esr, elr, c->pc, sym);
    }
}

void trace_step(sim_trace *t, sim_machine *m)
{
    a64_cpu *c = &m->cpu;
    bool tarmac = t->format == TRACE_TARMAC;
    t->before = *c;
    trace_step_info s = { .pc = c->pc, .cycles = c->cycles };
    uint64_t insns = c->insns, taken = c->exc_taken;
    s.fetched = a64_mem_peek(c, s.pc, &s.word, sizeof s.word);
    if (tarmac) {
        t->log.n = t->log.dropped = 0;
        c->access_log = &t->log;
    }
    a64_step(c);
    c->access_log = NULL;
    s.retired = c->insns != insns;
    s.exception = c->exc_taken != taken;
    // synchronous exceptions enter at offset 0 of their group of vectors;
    // IRQ, FIQ and SError are taken at the boundary, before the instruction
    s.async = s.exception && (a64_vector_offset(c) & VEC_SERROR) != VEC_SYNC;
    if (tarmac)
        trace_tarmac_step(t, m, &s);
    else
        put_text(t, m, &s);
}
