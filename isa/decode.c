/* isa/decode.c: compiles the pattern rows of insns.def into mask/value
 * pairs bucketed by bits [28:25] and decodes words by first match. */
#include "decode.h"

#include <pthread.h>
#include <string.h>

a64_insn_info a64_insns[OP_COUNT + 1] = {
#define INSN(id_, cls_, title_, pattern_, fn_, arg_) \
    { .id = #id_, .title = title_, .pattern = pattern_, .cls = cls_, .arg = arg_, .fn = fn_ },
#include "insns.def"
#undef INSN
    { .id = "UNALLOCATED", .title = "unallocated encoding", .pattern = "", .cls = CLS_EXC,
      .fn = exec_unallocated },
};

#define NBUCKETS 16
/* Per bucket, the ops whose fixed bits [28:25] allow that bucket, in table
 * order (earlier rows are the more specific ones and win). */
static uint16_t bucket_ops[NBUCKETS][OP_COUNT];
static uint16_t bucket_len[NBUCKETS];
static bool decode_ok;
static char decode_err[160];
static pthread_once_t decode_once = PTHREAD_ONCE_INIT;

/* "ID: what" into err (no stdio in isa/). */
static void row_error(char *err, size_t len, const char *id, const char *what, char ch)
{
    if (!err || !len)
        return;
    err[0] = 0;
    strncat(err, id, len - 1);
    strncat(err, ": ", len - 1 - strlen(err));
    strncat(err, what, len - 1 - strlen(err));
    if (ch) {
        char tail[5] = { ' ', '\'', ch, '\'', 0 };
        strncat(err, tail, len - 1 - strlen(err));
    }
}

static bool compile_row(a64_insn_info *r, char *err, size_t errlen)
{
    if (strlen(r->pattern) != 32) {
        row_error(err, errlen, r->id, "pattern is not 32 characters", 0);
        return false;
    }
    uint32_t mask = 0, value = 0;
    memset(r->field, 0, sizeof r->field);
    for (int i = 0; i < 32; i++) {
        char ch = r->pattern[i];
        unsigned bit = 31 - (unsigned)i;
        if (ch == '0' || ch == '1') {
            mask |= 1u << bit;
            value |= (uint32_t)(ch == '1') << bit;
        } else if (ch >= 'a' && ch <= 'z') {
            a64_fieldpos *f = &r->field[ch - 'a'];
            // a field's letters must be contiguous: extend it downwards
            if (f->width && f->lsb != bit + 1) {
                row_error(err, errlen, r->id, "field is not contiguous:", ch);
                return false;
            }
            f->lsb = (uint8_t)bit;
            f->width++;
        } else if (ch != '-') {
            row_error(err, errlen, r->id, "bad pattern character", ch);
            return false;
        }
    }
    r->mask = mask;
    r->value = value;
    return true;
}

static void build_tables(void)
{
    for (unsigned op = 0; op < OP_COUNT; op++) {
        if (!compile_row(&a64_insns[op], decode_err, sizeof decode_err))
            return;
    }
    for (unsigned b = 0; b < NBUCKETS; b++) {
        uint32_t bw = (uint32_t)b << 25;
        for (unsigned op = 0; op < OP_COUNT; op++) {
            const a64_insn_info *r = &a64_insns[op];
            uint32_t m = r->mask & (0xfu << 25);
            if ((bw & m) == (r->value & m))
                bucket_ops[b][bucket_len[b]++] = (uint16_t)op;
        }
    }
    decode_ok = true;
}

bool a64_decode_init(char *err, size_t errlen)
{
    pthread_once(&decode_once, build_tables);
    if (!decode_ok && err && errlen) {
        err[0] = 0;
        strncat(err, decode_err, errlen - 1);
    }
    return decode_ok;
}

unsigned a64_decode_op(uint32_t word)
{
    unsigned b = (word >> 25) & 0xf;
    const uint16_t *ops = bucket_ops[b];
    for (unsigned i = 0; i < bucket_len[b]; i++) {
        const a64_insn_info *r = &a64_insns[ops[i]];
        if ((word & r->mask) == r->value)
            return ops[i];
    }
    return OP_UNALLOCATED;
}

void a64_decode(uint32_t word, a64_dec *out)
{
    unsigned op = a64_decode_op(word);
    out->op = (uint16_t)op;
    out->word = word;
    out->fn = a64_insns[op].fn;
}
