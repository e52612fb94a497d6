/* isa/decode.h: the A64 decode table (insns.def) compiled into mask/value
 * pairs, and the by-letter field extractors handlers read operands with. */
#ifndef DECODE_H
#define DECODE_H

#include "a64.h"
#include "insn_args.h"

/* Instruction classes (timing and statistics group by these). */
enum a64_class {
    CLS_DPIMM,  /* data processing, immediate */
    CLS_DPREG,  /* data processing, register */
    CLS_MUL,    /* multiply */
    CLS_DIV,    /* divide */
    CLS_BRANCH, /* branches */
    CLS_LOAD,   /* loads (incl. acquire, exclusive) */
    CLS_STORE,  /* stores (incl. release, exclusive) */
    CLS_ATOMIC, /* LSE atomics */
    CLS_SIMD,   /* FP/SIMD moves and register loads/stores */
    CLS_SYSREG, /* MRS/MSR and PSTATE writes */
    CLS_HINT,   /* hints: NOP, YIELD, ESB, BTI, PAuth hints... */
    CLS_BARRIER,/* DSB, DMB, ISB, SB, CLREX */
    CLS_CACHE,  /* SYS/SYSL: DC, IC, AT, TLBI */
    CLS_EXC,    /* SVC, HVC, SMC, BRK, HLT, ERET */
    CLS_COUNT
};

enum a64_op {
#define INSN(id, cls, title, pattern, fn, arg) OP_##id,
#include "insns.def"
#undef INSN
    OP_COUNT,
    OP_UNALLOCATED = OP_COUNT /* no row matched */
};

/* Every handler named in insns.def. */
#define INSN(id, cls, title, pattern, fn, arg) void fn(a64_cpu *c, const a64_dec *d);
#include "insns.def"
#undef INSN
void exec_unallocated(a64_cpu *c, const a64_dec *d);
/* The data-abort instruction syndrome of a load/store (ISV | SAS | SSE |
 * SRT | SF | AR), or 0 when the instruction gives none (pairs, writeback,
 * exclusives, atomics, SIMD: ISV = 0). */
uint32_t a64_ldst_isv_syndrome(const a64_dec *d, unsigned len);
/* An FP/SIMD row's handler behind the CPACR_EL1.FPEN / CPTR_EL2 check
 * (every CLS_SIMD row runs through it, so handlers need not check). */
void exec_fp_guarded(a64_cpu *c, const a64_dec *d);

typedef struct a64_fieldpos {
    uint8_t lsb;
    uint8_t width; /* 0: the row has no such field */
} a64_fieldpos;

typedef struct a64_insn_info {
    const char *id;      /* "ADD_imm" */
    const char *title;   /* "ADD (immediate)" */
    const char *pattern; /* 32 characters, bit 31 first */
    uint8_t cls;
    int16_t arg;         /* the row's constant, passed to its handler */
    a64_exec_fn fn;
    uint32_t mask, value;
    a64_fieldpos field[26];
} a64_insn_info;

/* Compiled table, indexed by enum a64_op (OP_UNALLOCATED included).
 * Filled once by a64_decode_init; read-only afterwards. */
extern a64_insn_info a64_insns[OP_COUNT + 1];

/* Build the tables (idempotent, thread-safe). Returns false and fills
 * `err` if a pattern is malformed (the tests call it to check the table). */
bool a64_decode_init(char *err, size_t errlen);
/* Decode one word; never fails (OP_UNALLOCATED for unallocated space). */
void a64_decode(uint32_t word, a64_dec *out);
/* The op a word decodes to. */
unsigned a64_decode_op(uint32_t word);

/* ---- field extractors ---- */
static inline uint32_t a64_fld(const a64_dec *d, char letter)
{
    a64_fieldpos p = a64_insns[d->op].field[letter - 'a'];
    return (d->word >> p.lsb) & (uint32_t)((UINT64_C(1) << p.width) - 1);
}
/* The field, sign-extended from its width. */
static inline int64_t a64_sfld(const a64_dec *d, char letter)
{
    a64_fieldpos p = a64_insns[d->op].field[letter - 'a'];
    uint64_t v = (d->word >> p.lsb) & ((UINT64_C(1) << p.width) - 1);
    unsigned sh = 64 - p.width;
    return (int64_t)(v << sh) >> sh;
}
static inline int a64_arg(const a64_dec *d) { return a64_insns[d->op].arg; }

#endif
