/* tests/diff/run.c: the two sides of the differential test: records fed
 * to one qemu-aarch64 process running runner.S, and elsim's CPU. */
#include "run.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diffrec.h"
#include "regs.h"
#include "syndrome.h"
#include "sysreg.h"
#include "testcpu.h"

#define ELSIM_STEP_LIMIT 20000 /* far above any sequence: forward branches only */
#define QEMU_TIMEOUT_S 120

uint64_t get64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* ---- qemu side ---- */

static void encode_record(const dseq *s, uint8_t *rec)
{
    memset(rec, 0, DR_IN_SIZE);
    put64(rec + DR_IN_MAGIC, DR_MAGIC);
    put64(rec + DR_IN_CODE_ADDR, s->code_addr);
    put64(rec + DR_IN_NZCV, s->nzcv);
    put64(rec + DR_IN_NCODE, s->ncode);
    for (int i = 0; i < 31; i++)
        put64(rec + DR_IN_X + 8 * i, s->x[i]);
    for (int i = 0; i < 32; i++) {
        put64(rec + DR_IN_V + 16 * i, s->v[i][0]);
        put64(rec + DR_IN_V + 16 * i + 8, s->v[i][1]);
    }
    memcpy(rec + DR_IN_CODE, s->code, 4u * s->ncode);
    memcpy(rec + DR_IN_DATA, s->data, DR_DATA_SIZE);
}

static void decode_result(const uint8_t *r, dstate *st)
{
    memset(st, 0, sizeof *st);
    st->status = (int)get64(r + DR_OUT_STATUS);
    st->pc = get64(r + DR_OUT_PC);
    st->nzcv = get64(r + DR_OUT_NZCV);
    st->far = get64(r + DR_OUT_FAR);
    for (int i = 0; i < 31; i++)
        st->x[i] = get64(r + DR_OUT_X + 8 * i);
    for (int i = 0; i < 32; i++) {
        st->v[i][0] = get64(r + DR_OUT_V + 16 * i);
        st->v[i][1] = get64(r + DR_OUT_V + 16 * i + 8);
    }
    memcpy(st->data, r + DR_OUT_DATA, DR_DATA_SIZE);
}

/* Wait for the child, killing it after QEMU_TIMEOUT_S. */
static int wait_child(pid_t pid, bool *timed_out)
{
    struct timespec tick = { 0, 5 * 1000 * 1000 };
    *timed_out = false;
    for (long waited_ms = 0;; waited_ms += 5) {
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            return st;
        if (r < 0)
            return -1;
        if (waited_ms > QEMU_TIMEOUT_S * 1000L && !*timed_out) {
            kill(pid, SIGKILL);
            *timed_out = true;
        }
        nanosleep(&tick, NULL);
    }
}

/* Run `n` sequences in one qemu-aarch64 process. Input and output go
 * through unlinked temporary files, so qemu never waits on us and elsim
 * can run meanwhile (`work` is called between start and wait). Returns the
 * number of results read (n when all is well). */
unsigned run_qemu(const char *qemu, const char *runner, const dseq *seqs, unsigned n, dstate *out,
                  void (*work)(void *), void *arg)
{
    FILE *in = tmpfile(), *res = tmpfile();
    if (!in || !res) {
        fprintf(stderr, "difftest: cannot create temporary files: %s\n", strerror(errno));
        exit(2);
    }
    uint8_t *rec = malloc(DR_IN_SIZE > DR_OUT_SIZE ? DR_IN_SIZE : DR_OUT_SIZE);
    if (!rec) {
        fprintf(stderr, "difftest: out of memory\n");
        exit(2);
    }
    for (unsigned i = 0; i < n; i++) {
        encode_record(&seqs[i], rec);
        if (fwrite(rec, DR_IN_SIZE, 1, in) != 1) {
            fprintf(stderr, "difftest: cannot write the qemu input: %s\n", strerror(errno));
            exit(2);
        }
    }
    fflush(in);
    rewind(in);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "difftest: fork: %s\n", strerror(errno));
        exit(2);
    }
    if (pid == 0) {
        dup2(fileno(in), 0);
        dup2(fileno(res), 1);
        execlp(qemu, qemu, runner, (char *)NULL);
        fprintf(stderr,
                "difftest: cannot run %s (%s): the differential test needs qemu-aarch64, "
                "install the Debian package qemu-user\n",
                qemu, strerror(errno));
        _exit(127);
    }
    if (work)
        work(arg);
    bool timed_out;
    int st = wait_child(pid, &timed_out);
    if (timed_out)
        fprintf(stderr, "difftest: qemu-aarch64 ran more than %d s and was killed: a sequence loops?\n",
                QEMU_TIMEOUT_S);
    else if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
        exit(2);
    else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fprintf(stderr, "difftest: qemu-aarch64 %s %d (runner codes: 10 mmap, 11 sigaction, 12 short "
                        "record, 13 bad magic, 14 write)\n",
                WIFEXITED(st) ? "exited with" : "killed by signal",
                WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));

    rewind(res);
    uint8_t hello[DR_HELLO_SIZE];
    if (fread(hello, sizeof hello, 1, res) != 1 || get64(hello) != DR_MAGIC) {
        fprintf(stderr, "difftest: %s under %s printed no greeting: is it the runner?\n", runner, qemu);
        exit(2);
    }
    if (get64(hello + 8) != DR_EXIT) {
        fprintf(stderr, "difftest: the runner's seq_exit is at 0x%" PRIx64 ", not 0x%x: link it there\n",
                get64(hello + 8), DR_EXIT);
        exit(2);
    }
    unsigned got = 0;
    while (got < n && fread(rec, DR_OUT_SIZE, 1, res) == 1)
        decode_result(rec, &out[got++]);
    free(rec);
    fclose(in);
    fclose(res);
    return got;
}

/* ---- elsim side ---- */

/* The signal Linux delivers for the exception elsim took (so both sides'
 * faults compare), or STATUS_OTHER_EXC. */
static int signal_for(uint32_t esr)
{
    unsigned ec = syn_ec(esr), fsc = esr & 0x3f;
    switch (ec) {
    case EC_UNKNOWN:
    case EC_SYS64:
    case EC_ILLEGAL_STATE:
    case EC_FP_ASIMD: return SIGILL;
    case EC_PC_ALIGN:
    case EC_SP_ALIGN: return SIGBUS;
    case EC_BRK64: return SIGTRAP;
    case EC_DABT_LOW:
    case EC_DABT_CUR: return fsc == FSC_ALIGNMENT ? SIGBUS : SIGSEGV;
    case EC_IABT_LOW:
    case EC_IABT_CUR: return SIGSEGV;
    default: return STATUS_OTHER_EXC;
    }
}

void run_elsim(const dseq *s, dstate *st)
{
    testcpu *t = tc_new(A64_EL0);
    a64_cpu *c = &t->cpu;
    // what a Linux user process on qemu's `max` CPU sees: FP/SIMD enabled at
    // EL0, the LSE atomics, LORegions' LDLAR/STLLR, SB and CRC32 present
    c->feat |= FEAT_BIT(FEAT_LSE) | FEAT_BIT(FEAT_LOR) | FEAT_BIT(FEAT_SB) | FEAT_BIT(FEAT_CRC32);
    c->sr[SR_CPACR_EL1] |= UINT64_C(3) << CPACR_EL1_FPEN_SHIFT;
    for (int i = 0; i < 31; i++)
        c->x[i] = s->x[i];
    c->x[31] = 0;
    c->sp_el[0] = DR_SAVE;
    c->ps.nzcv = (uint32_t)s->nzcv;
    memcpy(c->v, s->v, sizeof c->v);
    memcpy(tc_ptr(t, DR_DATA), s->data, DR_DATA_SIZE);
    tc_put_code(t, s->code_addr, s->code, s->ncode);
    c->pc = s->code_addr;

    uint64_t taken = c->exc_taken;
    memset(st, 0, sizeof *st);
    st->status = STATUS_LIMIT;
    for (unsigned i = 0; i < ELSIM_STEP_LIMIT; i++) {
        if (c->pc == DR_EXIT) {
            st->status = 0;
            break;
        }
        if (c->stop) {
            st->status = STATUS_STOPPED;
            st->stop = c->stop;
            break;
        }
        a64_step(c);
        if (c->exc_taken != taken) {
            st->esr = (uint32_t)c->sr[SR_ESR_EL1];
            st->status = signal_for(st->esr);
            break;
        }
    }
    bool faulted = st->status > 0 || st->status == STATUS_OTHER_EXC;
    st->pc = faulted ? c->sr[SR_ELR_EL1] : c->pc;
    st->nzcv = faulted ? (c->sr[SR_SPSR_EL1] & PSTATE_NZCV_MASK) : c->ps.nzcv;
    st->far = faulted ? c->sr[SR_FAR_EL1] : 0;
    memcpy(st->x, c->x, sizeof st->x);
    memcpy(st->v, c->v, sizeof st->v);
    memcpy(st->data, tc_ptr(t, DR_DATA), DR_DATA_SIZE);
    tc_free(t);
}
