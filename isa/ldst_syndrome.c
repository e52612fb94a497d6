/* isa/ldst_syndrome.c: the instruction syndrome a data abort reports for
 * a load/store (ESR ISS ISV, SAS, SSE, SRT, SF, AR), derived once from the
 * decode table's row ids: only single-register general loads/stores
 * without writeback give one; pairs, writeback forms, exclusives, LSE
 * atomics, FP/SIMD and the memory-tagging loads/stores report ISV = 0
 * (Arm ARM, ESR_ELx ISS encoding for a data abort). */
#include <pthread.h>
#include <string.h>

#include "decode.h"
#include "syndrome.h"

#define ISS_SAS_SHIFT 22
#define ISS_SRT_SHIFT 16

enum { LS_ISV = 1, LS_SSE = 2, LS_SF = 4, LS_AR = 8 };
static uint8_t info[OP_COUNT + 1];
static pthread_once_t info_once = PTHREAD_ONCE_INIT;

static bool starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }
static bool ends(const char *s, const char *p)
{
    size_t n = strlen(s), m = strlen(p);
    return n >= m && strcmp(s + n - m, p) == 0;
}

static void build(void)
{
    static const char *const no_isv[] = { "LDX", "STX", "LDAX", "STLX", "LDP", "STP", "LDNP",
                                          "STNP", "PRFM", "PRFUM", "CAS", "SWP", "LDADD", "LDCLR",
                                          "LDEOR", "LDSET", "LDSMAX", "LDSMIN", "LDUMAX", "LDUMIN",
                                          "STG", "STZG", "ST2G", "STZ2G", "LDG" };
    for (unsigned op = 0; op < OP_COUNT; op++) {
        const a64_insn_info *r = &a64_insns[op];
        if (r->cls != CLS_LOAD && r->cls != CLS_STORE)
            continue;
        const char *id = r->id;
        bool ok = !ends(id, "_pre") && !ends(id, "_post");
        for (size_t i = 0; ok && i < sizeof no_isv / sizeof no_isv[0]; i++)
            ok = !starts(id, no_isv[i]);
        if (!ok)
            continue;
        uint8_t f = LS_ISV;
        if (starts(id, "LDRS") || starts(id, "LDURS") || starts(id, "LDTRS"))
            f |= LS_SSE;
        // SF: the register transferred is an X register
        if (strstr(id, "_x") || starts(id, "LDRSW") || starts(id, "LDURSW") || starts(id, "LDTRSW"))
            f |= LS_SF;
        if (starts(id, "LDAR") || starts(id, "STLR") || starts(id, "LDAPR") || starts(id, "LDLAR") ||
            starts(id, "STLLR"))
            f |= LS_AR;
        info[op] = f;
    }
}

uint32_t a64_ldst_isv_syndrome(const a64_dec *d, unsigned len)
{
    pthread_once(&info_once, build);
    uint8_t f = info[d->op];
    if (!(f & LS_ISV))
        return 0;
    unsigned sas = len == 1 ? 0 : len == 2 ? 1 : len == 4 ? 2 : 3;
    uint32_t iss = DABT_ISV | ((uint32_t)sas << ISS_SAS_SHIFT) | (a64_fld(d, 't') << ISS_SRT_SHIFT);
    iss |= (f & LS_SSE) ? DABT_SSE : 0;
    iss |= (f & LS_SF) ? DABT_SF : 0;
    iss |= (f & LS_AR) ? DABT_AR : 0;
    return iss;
}
