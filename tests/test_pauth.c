/* tests/test_pauth.c: pointer authentication (FEAT_PAuth, QARMA5): the
 * cipher against the published vector, AddPAC/Auth/Strip layouts, every
 * instruction form, the SCTLR enables, the HCR_EL2.API trap, the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "idregs.h"
#include "model.h"
#include "pauth.h"
#include "regs.h"
#include "sysreg.h"
#include "testcpu.h"

/* ---- instruction words ----
 * From llvm-mc -triple=aarch64 -mattr=+v8.3a -show-encoding. Capstone 4
 * knows the hint-space forms only as HINT #n (checked with
 * tc_assert_disasm); it rejects every other PAuth word, so for those the
 * llvm-mc text is in the comment and the test checks the decoded row. */
#define W_PACIASP 0xd503233fu   /* paciasp: hint #0x19 */
#define W_AUTIASP 0xd50323bfu   /* autiasp: hint #0x1d */
#define W_PACIBSP 0xd503237fu   /* pacibsp: hint #0x1b */
#define W_AUTIBSP 0xd50323ffu   /* autibsp: hint #0x1f */
#define W_PACIAZ 0xd503231fu    /* paciaz: hint #0x18 */
#define W_AUTIAZ 0xd503239fu    /* autiaz: hint #0x1c */
#define W_XPACLRI 0xd50320ffu   /* xpaclri: hint #0x7 */
#define W_PACIA1716 0xd503211fu /* pacia1716: hint #0x8 */
#define W_AUTIA1716 0xd503219fu /* autia1716: hint #0xc */
#define W_PACIA 0xdac10020u     /* pacia x0, x1 */
#define W_AUTIA 0xdac11020u     /* autia x0, x1 */
#define W_PACIB_SP 0xdac107e0u  /* pacib x0, sp */
#define W_AUTIB_SP 0xdac117e0u  /* autib x0, sp */
#define W_PACDA 0xdac10862u     /* pacda x2, x3 */
#define W_AUTDA 0xdac11862u     /* autda x2, x3 */
#define W_PACDB 0xdac10c62u     /* pacdb x2, x3 */
#define W_AUTDB 0xdac11c62u     /* autdb x2, x3 */
#define W_PACIZA 0xdac123e1u    /* paciza x1 */
#define W_AUTIZA 0xdac133e1u    /* autiza x1 */
#define W_PACDZA 0xdac12be1u    /* pacdza x1 */
#define W_AUTDZA 0xdac13be1u    /* autdza x1 */
#define W_XPACI 0xdac143e0u     /* xpaci x0 */
#define W_XPACD 0xdac147e0u     /* xpacd x0 */
#define W_PACGA 0x9ac23020u     /* pacga x0, x1, x2 */
#define W_PACGA_SP 0x9adf3020u  /* pacga x0, x1, sp */
#define W_RETAA 0xd65f0bffu     /* retaa */
#define W_RETAB 0xd65f0fffu     /* retab */
#define W_BLRAA 0xd73f0822u     /* blraa x1, x2 */
#define W_BLRAB_SP 0xd73f0c3fu  /* blrab x1, sp */
#define W_BRAAZ 0xd61f083fu     /* braaz x1 */
#define W_BRAA 0xd71f0822u      /* braa x1, x2 */
#define W_ERETAA 0xd69f0bffu    /* eretaa */
#define W_ERETAB 0xd69f0fffu    /* eretab */
#define W_LDRAA_8 0xf8201420u   /* ldraa x0, [x1, #8] */
#define W_LDRAA_8_PRE 0xf8201c20u /* ldraa x0, [x1, #8]! */
#define W_LDRAB_M8 0xf8fff420u  /* ldrab x0, [x1, #-8] */
#define W_LDRAA_SP 0xf82007e0u  /* ldraa x0, [sp] */

/* Keys for the instruction tests: arbitrary, distinct per key. */
#define KEY_IA_HI UINT64_C(0x0123456789abcdef)
#define KEY_IA_LO UINT64_C(0xfedcba9876543210)
#define KEY_IB_HI UINT64_C(0x1111222233334444)
#define KEY_IB_LO UINT64_C(0x5555666677778888)
#define KEY_DA_HI UINT64_C(0x0f1e2d3c4b5a6978)
#define KEY_DA_LO UINT64_C(0x8796a5b4c3d2e1f0)
#define KEY_DB_HI UINT64_C(0xa5a5a5a55a5a5a5a)
#define KEY_DB_LO UINT64_C(0x3c3c3c3cc3c3c3c3)

#define SP1 UINT64_C(0x400a0000) /* SP_EL1, 16-byte aligned */
#define LR UINT64_C(0x40001230)  /* a return address in RAM */
#define ENABLES (SCTLR_EnIA | SCTLR_EnIB | SCTLR_EnDA | SCTLR_EnDB)

/* The layout of a reset TCR (TxSZ = 0 forced to 16, no TBI): bottom PAC
 * bit 48, the PAC in [63:56] and [54:48]. */
static const pauth_layout L48 = { .bottom = 48, .tbi = false, .sel = false };
#define PAC_FIELD_48 UINT64_C(0xff7f000000000000)

/* A CPU at `el` with FEAT_PAuth, every key enabled in SCTLR_EL1/EL2, and
 * HCR_EL2.API/APK set (EL2 lets EL1 use PAuth), keys as above. */
static testcpu *pac_cpu(unsigned el)
{
    testcpu *t = tc_new(el);
    a64_cpu *c = &t->cpu;
    c->feat |= FEAT_BIT(FEAT_PAUTH);
    a64_set_id_registers(c);
    c->sr[SR_SCTLR_EL1] |= ENABLES;
    c->sr[SR_SCTLR_EL2] |= ENABLES;
    c->sr[SR_HCR_EL2] |= HCR_EL2_API | HCR_EL2_APK;
    c->sr[SR_APIAKeyHi_EL1] = KEY_IA_HI;
    c->sr[SR_APIAKeyLo_EL1] = KEY_IA_LO;
    c->sr[SR_APIBKeyHi_EL1] = KEY_IB_HI;
    c->sr[SR_APIBKeyLo_EL1] = KEY_IB_LO;
    c->sr[SR_APDAKeyHi_EL1] = KEY_DA_HI;
    c->sr[SR_APDAKeyLo_EL1] = KEY_DA_LO;
    c->sr[SR_APDBKeyHi_EL1] = KEY_DB_HI;
    c->sr[SR_APDBKeyLo_EL1] = KEY_DB_LO;
    c->sp_el[1] = SP1;
    return t;
}

/* The word decodes to `op` and Capstone 4 does not know it. */
static uint32_t no_cs(uint32_t w, unsigned op)
{
    char buf[128];
    if (tc_disasm(w, buf, sizeof buf))
        fail_msg("0x%08x: Capstone 4 knows it as \"%s\": check it with tc_assert_disasm", w, buf);
    if (a64_decode_op(w) != op)
        fail_msg("0x%08x decodes to %s, want %s", w, a64_insns[a64_decode_op(w)].id, a64_insns[op].id);
    return w;
}

/* The word is a HINT to Capstone 4 (text) and decodes to `op`. */
static uint32_t hint(uint32_t w, const char *text, unsigned op)
{
    tc_assert_disasm(w, text);
    assert_int_equal(a64_decode_op(w), op);
    return w;
}

/* AddPAC with a lower-range pointer, by hand: what the instructions must
 * produce with the reset layout (PAC bits [63:56] and [54:48], bit 55 and
 * the low 48 bits the pointer's). */
static uint64_t signed_ptr(uint64_t ptr, uint64_t mod, uint64_t hi, uint64_t lo)
{
    return (pauth_compute_pac(ptr, mod, hi, lo) & PAC_FIELD_48) | ptr;
}

static void expect_no_exception(const a64_cpu *c, const char *what)
{
    if (c->exc_taken)
        fail_msg("%s: exception taken (ESR_EL1 0x%llx ESR_EL2 0x%llx)", what,
                 (unsigned long long)c->sr[SR_ESR_EL1], (unsigned long long)c->sr[SR_ESR_EL2]);
}

static void expect_undef(a64_cpu *c, const char *what)
{
    if (c->exc_taken != 1 || syn_ec((uint32_t)c->sr[SR_ESR_EL1]) != EC_UNKNOWN ||
        c->sr[SR_ELR_EL1] != TC_CODE)
        fail_msg("%s: not UNDEFINED (taken %llu, ESR_EL1 0x%llx)", what, (unsigned long long)c->exc_taken,
                 (unsigned long long)c->sr[SR_ESR_EL1]);
}

/* Taken to EL2 as a trapped PAuth instruction: EC 0x09, IL, ISS 0, ELR =
 * the instruction, the lower-EL AArch64 synchronous vector. */
static void expect_pac_trap(a64_cpu *c, const char *what)
{
    if (c->exc_taken != 1 || c->ps.el != A64_EL2 || c->sr[SR_ESR_EL2] != ((uint64_t)EC_PAC << 26 | ESR_IL) ||
        c->sr[SR_ELR_EL2] != TC_CODE || c->pc != TC_VBAR + VEC_LOWER_A64 + VEC_SYNC)
        fail_msg("%s: not a PAuth trap to EL2 (taken %llu, EL%u, ESR_EL2 0x%llx, ELR_EL2 0x%llx)", what,
                 (unsigned long long)c->exc_taken, c->ps.el, (unsigned long long)c->sr[SR_ESR_EL2],
                 (unsigned long long)c->sr[SR_ELR_EL2]);
}

/* ---- the cipher ---- */

/* ComputePAC is QARMA-64 encryption with 5 rounds and the sigma2 S-box
 * (the Arm ARM's PACSub is sigma2), data = plaintext, modifier = tweak,
 * key0 = w0, key1 = k0. Test vector from the QARMA paper (R. Avanzi, "The
 * QARMA Block Cipher Family", IACR ToSC 2017(1), eprint 2016/444, the
 * QARMA-64 test vectors): P = fb623599da6e8127, T = 477d469dec0b8762,
 * w0 = 84be85ce9804e94b, k0 = ec2802d4e0a488e9; sigma2, r = 5:
 * C = c003b93999b33765. (The same vector QEMU checks through PACGA in
 * tests/tcg/aarch64/system/pauth-3.c. For sigma0, r = 5, the paper gives
 * 3ee99a6c82af0c38: not what the Arm ARM specifies.) */
#define QARMA_P UINT64_C(0xfb623599da6e8127)
#define QARMA_T UINT64_C(0x477d469dec0b8762)
#define QARMA_W0 UINT64_C(0x84be85ce9804e94b)
#define QARMA_K0 UINT64_C(0xec2802d4e0a488e9)
#define QARMA_C UINT64_C(0xc003b93999b33765)

static void test_qarma_vector(void **state)
{
    (void)state;
    assert_int_equal(pauth_compute_pac(QARMA_P, QARMA_T, QARMA_W0, QARMA_K0), QARMA_C);
    // every input matters: one bit of each changes the block
    assert_int_not_equal(pauth_compute_pac(QARMA_P ^ 1, QARMA_T, QARMA_W0, QARMA_K0), QARMA_C);
    assert_int_not_equal(pauth_compute_pac(QARMA_P, QARMA_T ^ 1, QARMA_W0, QARMA_K0), QARMA_C);
    assert_int_not_equal(pauth_compute_pac(QARMA_P, QARMA_T, QARMA_W0 ^ 1, QARMA_K0), QARMA_C);
    assert_int_not_equal(pauth_compute_pac(QARMA_P, QARMA_T, QARMA_W0, QARMA_K0 ^ 1), QARMA_C);
}

/* PACGA returns ComputePAC()<63:32>:Zeros(32) under APGAKeyHi:APGAKeyLo,
 * so the vector's top half comes out of the instruction. */
static void test_pacga(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->sr[SR_APGAKeyHi_EL1] = QARMA_W0;
    c->sr[SR_APGAKeyLo_EL1] = QARMA_K0;
    c->x[1] = QARMA_P;
    c->x[2] = QARMA_T;
    tc_exec1(t, no_cs(W_PACGA, OP_PACGA));
    expect_no_exception(c, "pacga");
    assert_int_equal(c->x[0], QARMA_C & UINT64_C(0xffffffff00000000));
    // Xm = 31 is SP: the same with the tweak in SP_EL1
    c->sp_el[1] = QARMA_T;
    c->x[0] = 0;
    tc_exec1(t, no_cs(W_PACGA_SP, OP_PACGA));
    assert_int_equal(c->x[0], QARMA_C & UINT64_C(0xffffffff00000000));
    tc_free(t);
}

/* ---- AddPAC / Auth / Strip on pointers ---- */

static void test_layout_no_tbi(void **state)
{
    (void)state;
    const uint64_t hi = KEY_IA_HI, lo = KEY_IA_LO, mod = 0x77;
    // lower range: bit 55 = 0 kept, the PAC in [63:56] and [54:48]
    uint64_t p = UINT64_C(0x0000123456789abc);
    uint64_t s = pauth_add_pac(p, mod, hi, lo, &L48);
    assert_int_equal(s, (pauth_compute_pac(p, mod, hi, lo) & PAC_FIELD_48) | p);
    assert_int_not_equal(s, p);
    assert_int_equal(pauth_auth(s, mod, hi, lo, 0, &L48), p);
    assert_int_equal(pauth_strip(s, &L48), p);
    // upper range: computed over the all-ones extension, bit 55 = 1 kept
    const pauth_layout up = { .bottom = 48, .tbi = false, .sel = true };
    uint64_t q = UINT64_C(0xffff800012345678);
    uint64_t sq = pauth_add_pac(q, mod, hi, lo, &up);
    assert_int_equal(sq, (pauth_compute_pac(q, mod, hi, lo) & PAC_FIELD_48) | (q & ~PAC_FIELD_48));
    assert_int_equal(pauth_auth(sq, mod, hi, lo, 0, &up), q);
    assert_int_equal(pauth_strip(sq, &up), q);
    // a wrong modifier: the pointer without its PAC and the error code
    // key_number:NOT(key_number) in bits [62:61] (no TBI)
    assert_int_equal(pauth_auth(s, mod + 1, hi, lo, 0, &L48), p | UINT64_C(1) << 61);
    assert_int_equal(pauth_auth(s, mod + 1, hi, lo, 1, &L48), p | UINT64_C(2) << 61);
    assert_int_equal(pauth_auth(sq, mod + 1, hi, lo, 0, &up), (q & ~(UINT64_C(3) << 61)) | UINT64_C(1) << 61);
    // a wrong key fails the same way
    assert_int_equal(pauth_auth(s, mod, hi ^ 1, lo, 0, &L48), p | UINT64_C(1) << 61);
}

static void test_layout_tbi(void **state)
{
    (void)state;
    const uint64_t hi = KEY_DA_HI, lo = KEY_DA_LO, mod = 0x1234;
    const pauth_layout l = { .bottom = 48, .tbi = true, .sel = false };
    const uint64_t field = UINT64_C(0x007f000000000000); // [54:48]
    // the top byte (a tag) is the pointer's: kept, and not in the PAC input
    uint64_t p = UINT64_C(0x5a00123456789abc);
    uint64_t s = pauth_add_pac(p, mod, hi, lo, &l);
    assert_int_equal(s, (pauth_compute_pac(p & ~UINT64_C(0x00ff000000000000), mod, hi, lo) & field) | p);
    assert_int_equal(pauth_auth(s, mod, hi, lo, 0, &l), p);
    // with TBI the error code goes to bits [54:53]
    assert_int_equal(pauth_auth(s, mod ^ 8, hi, lo, 0, &l), p | UINT64_C(1) << 53);
    assert_int_equal(pauth_auth(s, mod ^ 8, hi, lo, 1, &l), p | UINT64_C(2) << 53);
    assert_int_equal(pauth_strip(s, &l), p);
}

/* A smaller VA (TxSZ = 25: bottom PAC bit 39) widens the PAC field. */
static void test_layout_small_va(void **state)
{
    (void)state;
    const pauth_layout l = { .bottom = 39, .tbi = false, .sel = false };
    const uint64_t field = UINT64_C(0xff7fff8000000000); // [63:56], [54:39]
    uint64_t p = UINT64_C(0x0000000012345678);
    uint64_t s = pauth_add_pac(p, 5, KEY_IB_HI, KEY_IB_LO, &l);
    assert_int_equal(s, (pauth_compute_pac(p, 5, KEY_IB_HI, KEY_IB_LO) & field) | p);
    assert_int_equal(pauth_auth(s, 5, KEY_IB_HI, KEY_IB_LO, 1, &l), p);
}

/* A pointer whose extension bits disagree gets a PAC with bit 62 (no TBI)
 * or 54 (TBI) inverted, which then cannot authenticate. */
static void test_noncanonical(void **state)
{
    (void)state;
    const uint64_t hi = KEY_IA_HI, lo = KEY_IA_LO;
    uint64_t p = UINT64_C(0x0001000000001000); // bit 48 set in a lower-range pointer
    uint64_t s = pauth_add_pac(p, 0, hi, lo, &L48);
    // computed over the pointer with a proper (zero) extension
    uint64_t pac = pauth_compute_pac(UINT64_C(0x1000), 0, hi, lo) ^ UINT64_C(1) << 62;
    assert_int_equal(s, (pac & PAC_FIELD_48) | UINT64_C(0x1000));
    assert_int_equal(pauth_auth(s, 0, hi, lo, 0, &L48), UINT64_C(0x2000000000001000));
}

/* The layout the CPU reads from TCR_EL1: reset TCR gives bottom 48 and no
 * TBI; T0SZ/T1SZ and TBI0/TBI1 by bit 55; TBIDx keeps instruction
 * addresses out of TBI. */
static void test_layout_from_tcr(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    pauth_layout l = a64_pac_layout(c, LR, false, true);
    assert_int_equal(l.bottom, 48);
    assert_false(l.tbi);
    c->sr[SR_TCR_EL1] = (UINT64_C(25) << TCR_T0SZ_SHIFT) | (UINT64_C(20) << TCR_T1SZ_SHIFT) | TCR_TBI0;
    l = a64_pac_layout(c, LR, true, false);
    assert_int_equal(l.bottom, 39);
    assert_true(l.tbi);
    assert_false(l.sel);
    l = a64_pac_layout(c, UINT64_C(0xffffff8000000000), true, false);
    assert_int_equal(l.bottom, 44);
    assert_false(l.tbi); // TBI1 = 0
    assert_true(l.sel);
    c->sr[SR_TCR_EL1] |= TCR_TBID0;
    assert_false(a64_pac_layout(c, LR, false, false).tbi); // instruction address
    assert_true(a64_pac_layout(c, LR, true, false).tbi);
    // TxSZ above 39 is forced to 39
    c->sr[SR_TCR_EL1] = UINT64_C(48) << TCR_T0SZ_SHIFT;
    assert_int_equal(a64_pac_layout(c, LR, true, false).bottom, 25);
    tc_free(t);
}

/* ---- the hint-space forms ---- */

/* PACIASP then AUTIASP with the same SP gives LR back. */
static void test_paciasp_autiasp(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[30] = LR;
    uint32_t code[2] = { hint(W_PACIASP, "hint #0x19", OP_PACIASP), hint(W_AUTIASP, "hint #0x1d", OP_AUTIASP) };
    tc_put_code(t, TC_CODE, code, 2);
    a64_step(c);
    expect_no_exception(c, "paciasp");
    uint64_t s = signed_ptr(LR, SP1, KEY_IA_HI, KEY_IA_LO);
    assert_int_equal(c->x[30], s);
    assert_int_not_equal(s, LR);
    a64_step(c);
    expect_no_exception(c, "autiasp");
    assert_int_equal(c->x[30], LR);
    assert_int_equal(c->pc, TC_CODE + 8);
    tc_free(t);
}

/* AUTIASP with a different SP: LR without its PAC, error code 01 (key A)
 * in bits [62:61]; AUTIBSP after PACIBSP the same with 10. */
static void test_autiasp_wrong_sp(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[30] = LR;
    tc_exec1(t, W_PACIASP);
    c->sp_el[1] = SP1 - 16; // a frame pushed in between
    tc_exec1(t, W_AUTIASP);
    expect_no_exception(c, "autiasp");
    assert_int_equal(c->x[30], LR | UINT64_C(1) << 61);

    c->x[30] = LR;
    tc_exec1(t, hint(W_PACIBSP, "hint #0x1b", OP_PACIBSP));
    assert_int_equal(c->x[30], signed_ptr(LR, SP1 - 16, KEY_IB_HI, KEY_IB_LO));
    c->sp_el[1] = SP1;
    tc_exec1(t, hint(W_AUTIBSP, "hint #0x1f", OP_AUTIBSP));
    assert_int_equal(c->x[30], LR | UINT64_C(2) << 61);
    tc_free(t);
}

/* PACIAZ/AUTIAZ: zero modifier; PACIA1716/AUTIA1716: X17 with X16. */
static void test_hint_z_and_1716(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[30] = LR;
    tc_exec1(t, hint(W_PACIAZ, "hint #0x18", OP_PACIAZ));
    assert_int_equal(c->x[30], signed_ptr(LR, 0, KEY_IA_HI, KEY_IA_LO));
    tc_exec1(t, hint(W_AUTIAZ, "hint #0x1c", OP_AUTIAZ));
    assert_int_equal(c->x[30], LR);
    c->x[16] = 0xabcdef;
    c->x[17] = LR;
    tc_exec1(t, hint(W_PACIA1716, "hint #0x8", OP_PACIA1716));
    assert_int_equal(c->x[17], signed_ptr(LR, 0xabcdef, KEY_IA_HI, KEY_IA_LO));
    assert_int_equal(c->x[30], LR);
    tc_exec1(t, hint(W_AUTIA1716, "hint #0xc", OP_AUTIA1716));
    assert_int_equal(c->x[17], LR);
    expect_no_exception(c, "hints");
    tc_free(t);
}

/* XPACLRI strips LR's PAC whatever the key. */
static void test_xpaclri(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[30] = signed_ptr(LR, 99, KEY_IB_HI, KEY_IB_LO);
    tc_exec1(t, hint(W_XPACLRI, "hint #0x7", OP_XPACLRI));
    expect_no_exception(c, "xpaclri");
    assert_int_equal(c->x[30], LR);
    tc_free(t);
}

/* SCTLR_EL1.EnIA = 0: PACIASP and AUTIASP leave LR alone, even with
 * HCR_EL2.API = 0 (the enable is checked before the trap). EnIB still
 * works. */
static void test_disabled_key(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->sr[SR_SCTLR_EL1] &= ~SCTLR_EnIA;
    c->x[30] = LR;
    tc_exec1(t, W_PACIASP);
    assert_int_equal(c->x[30], LR);
    c->x[30] = UINT64_C(0x1234000040001230); // would fail authentication
    tc_exec1(t, W_AUTIASP);
    assert_int_equal(c->x[30], UINT64_C(0x1234000040001230));
    c->sr[SR_HCR_EL2] &= ~HCR_EL2_API;
    c->x[30] = LR;
    tc_exec1(t, W_PACIASP);
    expect_no_exception(c, "disabled paciasp with API = 0");
    assert_int_equal(c->x[30], LR);
    c->sr[SR_HCR_EL2] |= HCR_EL2_API;
    tc_exec1(t, W_PACIBSP);
    assert_int_equal(c->x[30], signed_ptr(LR, SP1, KEY_IB_HI, KEY_IB_LO));
    tc_free(t);
}

/* ---- HCR_EL2.API ---- */

/* API = 0 traps an enabled PAuth instruction at EL1 to EL2 (EC 0x09, ELR =
 * the instruction) before it changes anything; XPACLRI too (Strip has no
 * enable). */
static void test_api_trap_el1(void **state)
{
    (void)state;
    static const struct {
        uint32_t w;
        const char *name;
    } words[] = {
        { W_PACIASP, "paciasp" }, { W_AUTIASP, "autiasp" }, { W_XPACLRI, "xpaclri" },
        { W_PACIA, "pacia" },     { W_AUTDZA, "autdza" },   { W_XPACD, "xpacd" },
        { W_PACGA, "pacga" },     { W_RETAA, "retaa" },     { W_BRAAZ, "braaz" },
        { W_LDRAA_8, "ldraa" },   { W_ERETAA, "eretaa" },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        testcpu *t = pac_cpu(A64_EL1);
        a64_cpu *c = &t->cpu;
        c->sr[SR_HCR_EL2] &= ~HCR_EL2_API;
        c->x[30] = LR;
        c->x[0] = c->x[1] = TC_DATA;
        tc_exec1(t, words[i].w);
        expect_pac_trap(c, words[i].name);
        assert_int_equal(c->x[30], LR);
        assert_int_equal(c->x[0], TC_DATA);
        assert_int_equal(c->x[1], TC_DATA);
        tc_free(t);
    }
}

/* At EL0 the trap goes to EL2 as well (HCR_EL2.TGE = 0); at EL2 there is
 * none. */
static void test_api_trap_el0_el2(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL0);
    a64_cpu *c = &t->cpu;
    c->sr[SR_HCR_EL2] &= ~HCR_EL2_API;
    c->x[30] = LR;
    tc_exec1(t, W_PACIASP);
    expect_pac_trap(c, "paciasp at EL0");
    tc_free(t);

    t = pac_cpu(A64_EL2);
    c = &t->cpu;
    c->sr[SR_HCR_EL2] &= ~HCR_EL2_API;
    c->sp_el[2] = SP1 + 0x1000;
    c->x[30] = LR;
    tc_exec1(t, W_PACIASP);
    expect_no_exception(c, "paciasp at EL2");
    assert_int_equal(c->x[30], signed_ptr(LR, SP1 + 0x1000, KEY_IA_HI, KEY_IA_LO)); // SCTLR_EL2.EnIA
    tc_free(t);
}

/* ---- register forms ---- */

static void test_register_forms(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    // pacia x0, x1 / autia x0, x1
    c->x[0] = LR;
    c->x[1] = 0x5555;
    tc_exec1(t, no_cs(W_PACIA, OP_PACIA));
    assert_int_equal(c->x[0], signed_ptr(LR, 0x5555, KEY_IA_HI, KEY_IA_LO));
    tc_exec1(t, no_cs(W_AUTIA, OP_AUTIA));
    assert_int_equal(c->x[0], LR);
    // pacib x0, sp / autib x0, sp: Rn = 31 is SP
    tc_exec1(t, no_cs(W_PACIB_SP, OP_PACIB));
    assert_int_equal(c->x[0], signed_ptr(LR, SP1, KEY_IB_HI, KEY_IB_LO));
    tc_exec1(t, no_cs(W_AUTIB_SP, OP_AUTIB));
    assert_int_equal(c->x[0], LR);
    // pacda/autda, pacdb/autdb x2, x3
    c->x[2] = TC_DATA;
    c->x[3] = 7;
    tc_exec1(t, no_cs(W_PACDA, OP_PACDA));
    assert_int_equal(c->x[2], signed_ptr(TC_DATA, 7, KEY_DA_HI, KEY_DA_LO));
    tc_exec1(t, no_cs(W_AUTDB, OP_AUTDB)); // the wrong key: error code 10
    assert_int_equal(c->x[2], TC_DATA | UINT64_C(2) << 61);
    c->x[2] = TC_DATA;
    tc_exec1(t, no_cs(W_PACDB, OP_PACDB));
    assert_int_equal(c->x[2], signed_ptr(TC_DATA, 7, KEY_DB_HI, KEY_DB_LO));
    tc_exec1(t, no_cs(W_AUTDB, OP_AUTDB));
    assert_int_equal(c->x[2], TC_DATA);
    // the Z forms: zero modifier
    c->x[1] = TC_DATA;
    tc_exec1(t, no_cs(W_PACDZA, OP_PACDZA));
    assert_int_equal(c->x[1], signed_ptr(TC_DATA, 0, KEY_DA_HI, KEY_DA_LO));
    tc_exec1(t, no_cs(W_AUTDZA, OP_AUTDZA));
    assert_int_equal(c->x[1], TC_DATA);
    tc_exec1(t, no_cs(W_PACIZA, OP_PACIZA));
    assert_int_equal(c->x[1], signed_ptr(TC_DATA, 0, KEY_IA_HI, KEY_IA_LO));
    tc_exec1(t, no_cs(W_AUTIZA, OP_AUTIZA));
    assert_int_equal(c->x[1], TC_DATA);
    // xpaci/xpacd x0
    c->x[0] = signed_ptr(LR, 1, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, no_cs(W_XPACI, OP_XPACI));
    assert_int_equal(c->x[0], LR);
    c->x[0] = signed_ptr(TC_DATA, 1, KEY_DB_HI, KEY_DB_LO);
    tc_exec1(t, no_cs(W_XPACD, OP_XPACD));
    assert_int_equal(c->x[0], TC_DATA);
    expect_no_exception(c, "register forms");
    // paciza with Rn != 31 is no row: unallocated
    assert_int_equal(a64_decode_op(W_PACIZA & ~(1u << 5)), OP_UNALLOCATED);
    tc_free(t);
}

/* ---- combined branches ---- */

/* RETAA with LR signed against SP returns to LR; against another SP it
 * branches to the corrupted address, whose fetch faults. */
static void test_retaa(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[30] = signed_ptr(LR, SP1, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, no_cs(W_RETAA, OP_RETAA));
    expect_no_exception(c, "retaa");
    assert_int_equal(c->pc, LR);
    tc_free(t);

    t = pac_cpu(A64_EL1);
    c = &t->cpu;
    c->x[30] = signed_ptr(LR, SP1 + 16, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, W_RETAA);
    uint64_t bad = LR | UINT64_C(1) << 61;
    assert_int_equal(c->pc, bad);
    // the fetch there: an instruction abort (no memory at that address;
    // with a modelled MMU it would be a translation or address-size fault)
    a64_step(c);
    assert_int_equal(c->exc_taken, 1);
    assert_int_equal(syn_ec((uint32_t)c->sr[SR_ESR_EL1]), EC_IABT_CUR);
    assert_int_equal(c->sr[SR_ELR_EL1], bad);
    assert_int_equal(c->sr[SR_FAR_EL1], bad);
    tc_free(t);

    // RETAB uses key B
    t = pac_cpu(A64_EL1);
    c = &t->cpu;
    c->x[30] = signed_ptr(LR, SP1, KEY_IB_HI, KEY_IB_LO);
    tc_exec1(t, no_cs(W_RETAB, OP_RETAB));
    assert_int_equal(c->pc, LR);
    tc_free(t);
}

static void test_blraa_braaz(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    const uint64_t target = TC_CODE + 0x300;
    c->x[2] = 0x4242;
    c->x[1] = signed_ptr(target, 0x4242, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, no_cs(W_BLRAA, OP_BLRAA));
    expect_no_exception(c, "blraa");
    assert_int_equal(c->pc, target);
    assert_int_equal(c->x[30], TC_CODE + 4);
    assert_int_equal(c->x[1], signed_ptr(target, 0x4242, KEY_IA_HI, KEY_IA_LO)); // Xn unchanged
    // blrab x1, sp
    c->pc = TC_CODE;
    c->x[1] = signed_ptr(target, SP1, KEY_IB_HI, KEY_IB_LO);
    tc_exec1(t, no_cs(W_BLRAB_SP, OP_BLRAB));
    assert_int_equal(c->pc, target);
    // braaz x1: zero modifier; braa x1, x2
    c->pc = TC_CODE;
    c->x[30] = 0;
    c->x[1] = signed_ptr(target, 0, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, no_cs(W_BRAAZ, OP_BRAAZ));
    assert_int_equal(c->pc, target);
    assert_int_equal(c->x[30], 0);
    c->pc = TC_CODE;
    c->x[1] = signed_ptr(target, 0x4242, KEY_IA_HI, KEY_IA_LO);
    tc_exec1(t, no_cs(W_BRAA, OP_BRAA));
    assert_int_equal(c->pc, target);
    expect_no_exception(c, "branches");
    tc_free(t);
}

/* ERETAA returns to ELR_EL1 authenticated against SP (here SP_EL1). */
static void test_eretaa(void **state)
{
    (void)state;
    const uint64_t target = TC_CODE + 0x200;
    for (int good = 0; good < 2; good++) {
        testcpu *t = pac_cpu(A64_EL1);
        a64_cpu *c = &t->cpu;
        c->sr[SR_SPSR_EL1] = 0x3c5; // EL1h, DAIF masked
        c->sr[SR_ELR_EL1] = signed_ptr(target, good ? SP1 : SP1 + 32, KEY_IA_HI, KEY_IA_LO);
        tc_exec1(t, no_cs(W_ERETAA, OP_ERETAA));
        expect_no_exception(c, "eretaa");
        assert_int_equal(c->ps.el, A64_EL1);
        assert_int_equal(c->pc, good ? target : target | UINT64_C(1) << 61);
        tc_free(t);
    }
    // ERETAB: key B; at EL0 UNDEFINED
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->sr[SR_SPSR_EL1] = 0x3c0; // EL0t
    c->sr[SR_ELR_EL1] = signed_ptr(target, SP1, KEY_IB_HI, KEY_IB_LO);
    tc_exec1(t, no_cs(W_ERETAB, OP_ERETAB));
    assert_int_equal(c->ps.el, A64_EL0);
    assert_int_equal(c->pc, target);
    tc_free(t);
    t = pac_cpu(A64_EL0);
    tc_exec1(t, W_ERETAA);
    expect_undef(&t->cpu, "eretaa at EL0");
    tc_free(t);
}

/* ---- LDRAA / LDRAB ---- */

static void test_ldraa(void **state)
{
    (void)state;
    testcpu *t = pac_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    tc_write64(t, TC_DATA, UINT64_C(0x0123456789abcdef));
    tc_write64(t, TC_DATA + 8, UINT64_C(0x1122334455667788));
    uint64_t sda = signed_ptr(TC_DATA, 0, KEY_DA_HI, KEY_DA_LO);
    // ldraa x0, [x1, #8]: base authenticated with DA and a zero modifier
    c->x[1] = sda;
    tc_exec1(t, no_cs(W_LDRAA_8, OP_LDRAA_x));
    expect_no_exception(c, "ldraa");
    assert_int_equal(c->x[0], UINT64_C(0x1122334455667788));
    assert_int_equal(c->x[1], sda);
    // ldraa x0, [x1, #8]!: writes back the authenticated address + 8
    c->x[0] = 0;
    tc_exec1(t, no_cs(W_LDRAA_8_PRE, OP_LDRAA_x_pre));
    assert_int_equal(c->x[0], UINT64_C(0x1122334455667788));
    assert_int_equal(c->x[1], TC_DATA + 8);
    // ldrab x0, [x1, #-8]
    c->x[1] = signed_ptr(TC_DATA + 8, 0, KEY_DB_HI, KEY_DB_LO);
    tc_exec1(t, no_cs(W_LDRAB_M8, OP_LDRAB_x));
    assert_int_equal(c->x[0], UINT64_C(0x0123456789abcdef));
    // ldraa x0, [sp]
    c->sp_el[1] = signed_ptr(TC_DATA, 0, KEY_DA_HI, KEY_DA_LO);
    tc_exec1(t, no_cs(W_LDRAA_SP, OP_LDRAA_x));
    assert_int_equal(c->x[0], UINT64_C(0x0123456789abcdef));
    expect_no_exception(c, "ldraa/ldrab");
    tc_free(t);

    // a base signed with the other key: the corrupted address faults
    t = pac_cpu(A64_EL1);
    c = &t->cpu;
    c->x[0] = 0x77;
    c->x[1] = signed_ptr(TC_DATA, 0, KEY_DB_HI, KEY_DB_LO);
    tc_exec1(t, W_LDRAA_8);
    assert_int_equal(c->exc_taken, 1);
    assert_int_equal(syn_ec((uint32_t)c->sr[SR_ESR_EL1]), EC_DABT_CUR);
    assert_int_equal(c->sr[SR_FAR_EL1], (TC_DATA | UINT64_C(1) << 61) + 8);
    assert_int_equal(c->x[0], 0x77);
    tc_free(t);
}

/* ---- without FEAT_PAuth ---- */

/* The hint-space forms are NOPs; everything else is UNDEFINED. */
static void test_no_feature(void **state)
{
    (void)state;
    static const uint32_t hints[] = { W_PACIASP, W_AUTIASP, W_PACIBSP, W_AUTIBSP, W_PACIAZ,
                                      W_AUTIAZ,  W_XPACLRI, W_PACIA1716, W_AUTIA1716 };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        testcpu *t = tc_new(A64_EL1);
        a64_cpu *c = &t->cpu;
        c->sr[SR_SCTLR_EL1] |= ENABLES; // enables do not matter without the feature
        c->x[30] = UINT64_C(0x1234000040001230);
        c->x[17] = UINT64_C(0x1234000040001230);
        tc_exec1(t, hints[i]);
        expect_no_exception(c, "hint without FEAT_PAuth");
        assert_int_equal(c->x[30], UINT64_C(0x1234000040001230));
        assert_int_equal(c->x[17], UINT64_C(0x1234000040001230));
        assert_int_equal(c->pc, TC_CODE + 4);
        tc_free(t);
    }
    static const uint32_t others[] = { W_PACIA, W_AUTDB, W_PACIZA, W_XPACI, W_PACGA, W_RETAA, W_BLRAA,
                                       W_BRAAZ, W_ERETAA, W_LDRAA_8, W_LDRAA_8_PRE };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        testcpu *t = tc_new(A64_EL1);
        tc_exec1(t, others[i]);
        expect_undef(&t->cpu, "PAuth instruction without FEAT_PAuth");
        tc_free(t);
    }
}

/* ---- advertising ---- */

/* ID_AA64ISAR1_EL1: APA [7:4] = 1 (QARMA5 for the address keys), GPA
 * [27:24] = 1 (QARMA5 for PACGA); API/GPI stay 0 (no IMPLEMENTATION
 * DEFINED algorithm). */
static void test_id_fields(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL1);
    a64_cpu *c = &t->cpu;
    a64_set_id_registers(c);
    assert_int_equal(c->sr[SR_ID_AA64ISAR1_EL1] & UINT64_C(0x0ff00ff0), 0);
    c->feat |= FEAT_BIT(FEAT_PAUTH);
    a64_set_id_registers(c);
    assert_int_equal(c->sr[SR_ID_AA64ISAR1_EL1] & UINT64_C(0x0ff00ff0), UINT64_C(0x01000010));
    tc_free(t);
}

/* armv8.5-max advertises and executes PAuth; the other shipped models
 * run PACIASP as a NOP and PACIA as UNDEFINED. */
static void test_models(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        bool pauth;
    } models[] = { { "armv8.5-max", true }, { "generic", false }, { "neoverse-n1", false },
                   { "cortex-a53", false } };
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        sim_model mdl;
        char err[256];
        if (!model_load(models[i].name, &mdl, err, sizeof err))
            fail_msg("%s: %s", models[i].name, err);
        testcpu *t = tc_new(A64_EL1);
        a64_cpu *c = &t->cpu;
        model_apply(&mdl, c);
        uint64_t isar1 = c->sr[SR_ID_AA64ISAR1_EL1];
        if (((isar1 >> 4 & 0xf) == 1) != models[i].pauth || ((isar1 >> 24 & 0xf) == 1) != models[i].pauth)
            fail_msg("%s: ID_AA64ISAR1_EL1 = 0x%llx", models[i].name, (unsigned long long)isar1);
        c->sr[SR_SCTLR_EL1] |= SCTLR_EnIA;
        c->sr[SR_HCR_EL2] |= HCR_EL2_API;
        c->sp_el[1] = SP1;
        c->x[30] = LR;
        tc_exec1(t, W_PACIASP);
        expect_no_exception(c, models[i].name);
        if ((c->x[30] != LR) != models[i].pauth)
            fail_msg("%s: paciasp gave 0x%llx", models[i].name, (unsigned long long)c->x[30]);
        tc_exec1(t, W_PACIA);
        if ((c->exc_taken == 1) == models[i].pauth)
            fail_msg("%s: pacia %s", models[i].name, models[i].pauth ? "UNDEFINED" : "executed");
        tc_free(t);
    }
    // the model names itself with implementer 0x00 (no real part)
    sim_model mdl;
    char err[256];
    assert_true(model_load("armv8.5-max", &mdl, err, sizeof err));
    assert_int_equal(mdl.midr >> 24, 0);
    static const enum a64_feature want[] = { FEAT_EL2, FEAT_RAS, FEAT_IESB, FEAT_PAN, FEAT_UAO,
                                             FEAT_LSE, FEAT_CRC32, FEAT_SSBS, FEAT_DIT, FEAT_PAUTH,
                                             FEAT_SB, FEAT_BTI, FEAT_MTE };
    uint64_t bits = 0;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        bits |= FEAT_BIT(want[i]);
    assert_int_equal(mdl.feat, bits);
    assert_int_equal(mdl.async_policy, A64_ASYNC_EARLIEST);
}

int main(void)
{
    assert_true(a64_decode_init(NULL, 0));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qarma_vector),    cmocka_unit_test(test_pacga),
        cmocka_unit_test(test_layout_no_tbi),   cmocka_unit_test(test_layout_tbi),
        cmocka_unit_test(test_layout_small_va), cmocka_unit_test(test_noncanonical),
        cmocka_unit_test(test_layout_from_tcr), cmocka_unit_test(test_paciasp_autiasp),
        cmocka_unit_test(test_autiasp_wrong_sp), cmocka_unit_test(test_hint_z_and_1716),
        cmocka_unit_test(test_xpaclri),         cmocka_unit_test(test_disabled_key),
        cmocka_unit_test(test_api_trap_el1),    cmocka_unit_test(test_api_trap_el0_el2),
        cmocka_unit_test(test_register_forms),  cmocka_unit_test(test_retaa),
        cmocka_unit_test(test_blraa_braaz),     cmocka_unit_test(test_eretaa),
        cmocka_unit_test(test_ldraa),           cmocka_unit_test(test_no_feature),
        cmocka_unit_test(test_id_fields),       cmocka_unit_test(test_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
