/* sim/gdb_regs.c: GDB's AArch64 register numbering over the CPU state
 * (one table: kind, size, XML type per register) and the target
 * description generated from that table, with elsim's own types for
 * cpsr's fields and the vector registers' views. */
#include "gdb_regs.h"

#include <stdio.h>
#include <string.h>

#include "pstate.h"

enum reg_kind { RK_X, RK_SP, RK_PC, RK_CPSR, RK_V, RK_FPSR, RK_FPCR };

typedef struct gdb_reg {
    uint8_t kind;      /* enum reg_kind */
    uint8_t index;     /* which X or V register */
    uint8_t bytes;
    const char *type;  /* the XML type */
    const char *feature;
} gdb_reg;

#define FEAT_CORE "org.gnu.gdb.aarch64.core"
#define FEAT_FPU "org.gnu.gdb.aarch64.fpu"
#define FIRST_V 34     /* v0's number: after x0-x30, sp, pc, cpsr */

static gdb_reg reg_at(unsigned n)
{
    if (n < 31)
        return (gdb_reg){ RK_X, (uint8_t)n, 8, "int", FEAT_CORE };
    if (n >= FIRST_V && n < FIRST_V + 32)
        return (gdb_reg){ RK_V, (uint8_t)(n - FIRST_V), 16, "vreg", FEAT_FPU };
    static const gdb_reg fixed[] = {
        [31] = { RK_SP, 0, 8, "data_ptr", FEAT_CORE },
        [32] = { RK_PC, 0, 8, "code_ptr", FEAT_CORE },
        [33] = { RK_CPSR, 0, 4, "cpsr_flags", FEAT_CORE },
        [FIRST_V + 32] = { RK_FPSR, 0, 4, "int", FEAT_FPU },
        [FIRST_V + 33] = { RK_FPCR, 0, 4, "int", FEAT_FPU },
    };
    return n < sizeof fixed / sizeof fixed[0] ? fixed[n] : (gdb_reg){ 0 };
}

static const char *reg_name(unsigned n, char *buf, size_t len)
{
    gdb_reg r = reg_at(n);
    static const char *const names[] = { [RK_SP] = "sp", [RK_PC] = "pc", [RK_CPSR] = "cpsr",
                                         [RK_FPSR] = "fpsr", [RK_FPCR] = "fpcr" };
    if (r.kind == RK_X || r.kind == RK_V)
        snprintf(buf, len, "%c%u", r.kind == RK_X ? 'x' : 'v', r.index);
    else
        snprintf(buf, len, "%s", names[r.kind]);
    return buf;
}

unsigned gdb_reg_size(unsigned n) { return n < GDB_NREGS ? reg_at(n).bytes : 0; }

static void le_put(uint8_t *out, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++)
        out[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t le_get(const uint8_t *in, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++)
        v |= (uint64_t)in[i] << (8 * i);
    return v;
}

unsigned gdb_reg_get(const a64_cpu *c, unsigned n, uint8_t *out)
{
    if (n >= GDB_NREGS)
        return 0;
    gdb_reg r = reg_at(n);
    switch (r.kind) {
    case RK_X: le_put(out, c->x[r.index], 8); break;
    case RK_SP: le_put(out, a64_sp(c), 8); break;
    case RK_PC: le_put(out, c->pc, 8); break;
    case RK_CPSR: le_put(out, a64_pstate_to_spsr(&c->ps), 4); break;
    case RK_V: // the low doubleword first: a 128-bit little-endian value
        le_put(out, c->v[r.index][0], 8);
        le_put(out + 8, c->v[r.index][1], 8);
        break;
    case RK_FPSR: le_put(out, c->fpsr, 4); break;
    case RK_FPCR: le_put(out, c->fpcr, 4); break;
    }
    return r.bytes;
}

/* A PSTATE the model can be in: AArch64 (M[4] = 0) at EL0-EL2 (no EL3). */
static bool cpsr_ok(const a64_cpu *c, uint32_t v)
{
    unsigned el = (v >> SPSR_M_EL_SHIFT) & 3;
    if (v & SPSR_M_RW)
        return false;
    return el < A64_EL2 || (el == A64_EL2 && (c->feat & FEAT_BIT(FEAT_EL2)));
}

bool gdb_reg_set(a64_cpu *c, unsigned n, const uint8_t *in)
{
    if (n >= GDB_NREGS)
        return false;
    gdb_reg r = reg_at(n);
    uint64_t v = le_get(in, r.bytes > 8 ? 8 : r.bytes);
    switch (r.kind) {
    case RK_X: c->x[r.index] = v; break;
    case RK_SP: a64_set_sp(c, v); break;
    case RK_PC: c->pc = v; break;
    case RK_CPSR:
        if (!cpsr_ok(c, (uint32_t)v))
            return false;
        a64_spsr_to_pstate((uint32_t)v, &c->ps);
        break;
    case RK_V:
        c->v[r.index][0] = v;
        c->v[r.index][1] = le_get(in + 8, 8);
        break;
    case RK_FPSR: c->fpsr = v; break;
    case RK_FPCR: c->fpcr = v; break;
    }
    return true;
}

/* cpsr as the Arm ARM's SPSR_ELx (AArch64) fields; M[3:2] is the EL. */
static const char cpsr_type[] =
    "<flags id=\"cpsr_flags\" size=\"4\">"
    "<field name=\"SP\" start=\"0\" end=\"0\"/>"
    "<field name=\"EL\" start=\"2\" end=\"3\" type=\"uint32\"/>"
    "<field name=\"nRW\" start=\"4\" end=\"4\"/>"
    "<field name=\"F\" start=\"6\" end=\"6\"/>"
    "<field name=\"I\" start=\"7\" end=\"7\"/>"
    "<field name=\"A\" start=\"8\" end=\"8\"/>"
    "<field name=\"D\" start=\"9\" end=\"9\"/>"
    "<field name=\"BTYPE\" start=\"10\" end=\"11\" type=\"uint32\"/>"
    "<field name=\"SSBS\" start=\"12\" end=\"12\"/>"
    "<field name=\"IL\" start=\"20\" end=\"20\"/>"
    "<field name=\"SS\" start=\"21\" end=\"21\"/>"
    "<field name=\"PAN\" start=\"22\" end=\"22\"/>"
    "<field name=\"UAO\" start=\"23\" end=\"23\"/>"
    "<field name=\"DIT\" start=\"24\" end=\"24\"/>"
    "<field name=\"TCO\" start=\"25\" end=\"25\"/>"
    "<field name=\"V\" start=\"28\" end=\"28\"/>"
    "<field name=\"C\" start=\"29\" end=\"29\"/>"
    "<field name=\"Z\" start=\"30\" end=\"30\"/>"
    "<field name=\"N\" start=\"31\" end=\"31\"/>"
    "</flags>";

/* A vector register seen as lanes of each width (float and integer). */
static const char vreg_type[] =
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
    "<vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
    "<vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
    "<vector id=\"v8u\" type=\"uint16\" count=\"8\"/>"
    "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
    "<union id=\"vreg\">"
    "<field name=\"d\" type=\"v2d\"/>"
    "<field name=\"s\" type=\"v4f\"/>"
    "<field name=\"q\" type=\"uint128\"/>"
    "<field name=\"ud\" type=\"v2u\"/>"
    "<field name=\"us\" type=\"v4u\"/>"
    "<field name=\"uh\" type=\"v8u\"/>"
    "<field name=\"ub\" type=\"v16u\"/>"
    "</union>";

static size_t append(char *buf, size_t cap, size_t at, const char *s)
{
    size_t n = strlen(s);
    if (at + n < cap)
        memcpy(buf + at, s, n + 1);
    return at + n;
}

/* One <feature> with every table row that belongs to it. */
static size_t feature(char *buf, size_t cap, size_t at, const char *name, const char *types)
{
    char line[160], rn[8];
    snprintf(line, sizeof line, "<feature name=\"%s\">", name);
    at = append(buf, cap, at, line);
    at = append(buf, cap, at, types);
    for (unsigned n = 0; n < GDB_NREGS; n++) {
        gdb_reg r = reg_at(n);
        if (strcmp(r.feature, name) != 0)
            continue;
        snprintf(line, sizeof line, "<reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%u\"/>",
                 reg_name(n, rn, sizeof rn), r.bytes * 8u, r.type, n);
        at = append(buf, cap, at, line);
    }
    return append(buf, cap, at, "</feature>");
}

size_t gdb_target_xml(char *buf, size_t cap)
{
    size_t n = append(buf, cap, 0, "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
                                   "<target><architecture>aarch64</architecture>");
    n = feature(buf, cap, n, FEAT_CORE, cpsr_type);
    n = feature(buf, cap, n, FEAT_FPU, vreg_type);
    return append(buf, cap, n, "</target>");
}
