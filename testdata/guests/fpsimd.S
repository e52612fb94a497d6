// testdata/guests/fpsimd.S: the guest's FP/SIMD state survives exits.
// The hyp switches FP/SIMD state lazily: on entry it leaves CPTR_EL2.TFP
// set, the guest's first FP access traps to EL2 and only then is the guest
// state loaded; on an exit it must be saved again. The guest just uses FP.
//
// Four rounds. Each fills q0-q31 with patterns distinct per register, per
// 64-bit half and per round (round 0 with LDP of Q registers from a table,
// the others with FMOV Dn, Xm + INS Vn.D[1], Xm), sets FPCR and FPSR to
// per-round values, checks everything once before exiting (so a failure
// after an exit is the exit's fault, not this guest's), then makes two
// ELSIM_HVC_TEST exits, checking after the first with FMOV/UMOV reads of
// every register and after the second with STP of all Q registers to a
// buffer compared against the table. The second exit of a pair comes
// without any FP access since the first check, the third right after a
// refill: both lazy paths (state still loaded / state just dirtied) are
// covered.
//
// Exits: one per console byte, eight ELSIM_HVC_TEST, then SYSTEM_OFF (plus
// whatever FP traps the hyp takes internally). Output on success: "PASS\n".
#include "common.inc"

// Round-0 pattern of Vn: distinct bytes per register and per half. A round
// r XORs both halves with r * 0x0101010101010101.
#define PAT_LO(n) (0xa5a5000000000000 | ((n) << 40) | 0xc0de0000 | ((n) << 8) | 0x10)
#define PAT_HI(n) (0x5a5a000000000000 | ((n) << 40) | 0xbeef0000 | ((n) << 8) | 0x20)
#define ROUNDS 4

#define REGS 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31

// State kept in callee-saved registers across the whole run:
//   x20 round mask, x21 round, x22 exits made so far,
//   x23 expected FPCR, x24 expected FPSR.

main:
    // CPACR_EL1.FPEN = 0b11: without it EL1's own FP accesses trap to EL1
    // (a vCPU resets with CPACR_EL1 = 0, as on KVM), and the CPACR check
    // comes before CPTR_EL2.TFP.
    mrs x0, cpacr_el1
    orr x0, x0, #(3 << 20)
    msr cpacr_el1, x0
    isb

    mov x21, #0
    mov x22, #0
round:
    mov64 x0, 0x0101010101010101
    mul x20, x21, x0
    cbnz x21, 1f
    bl set_ldp                      // round 0: straight from the table
    b 2f
1:  bl set_fmov
2:
    // FPCR: DN, FZ and RMode = round (all four rounding modes); FPSR: QC
    // and one cumulative flag per round (IOC, DZC, OFC, UFC).
    mov x23, #((1 << 25) | (1 << 24))
    orr x23, x23, x21, lsl #22
    msr fpcr, x23
    mov x24, #1
    lsl x24, x24, x21
    orr x24, x24, #(1 << 27)
    msr fpsr, x24

    bl check_umov                   // before any exit of this round
    bl hvc_exit
    bl check_umov
    bl hvc_exit
    bl check_stp

    add x21, x21, #1
    cmp x21, #ROUNDS
    b.lo round
    b pass

// One ELSIM_HVC_TEST exit (x1 = exits so far; the answer is checked too).
hvc_exit:
    mov x1, x22
    mov32 w0, ELSIM_HVC_TEST
    hvc #0
    add x1, x22, #1
    CHECK_EQ x0, x1, "ELSIM_HVC_TEST answered"
    add x22, x22, #1
    ret

// Fill from the table with LDP of Q registers (x20 must be 0).
set_ldp:
    adr x19, patterns
    ldp q0, q1, [x19], #32
    ldp q2, q3, [x19], #32
    ldp q4, q5, [x19], #32
    ldp q6, q7, [x19], #32
    ldp q8, q9, [x19], #32
    ldp q10, q11, [x19], #32
    ldp q12, q13, [x19], #32
    ldp q14, q15, [x19], #32
    ldp q16, q17, [x19], #32
    ldp q18, q19, [x19], #32
    ldp q20, q21, [x19], #32
    ldp q22, q23, [x19], #32
    ldp q24, q25, [x19], #32
    ldp q26, q27, [x19], #32
    ldp q28, q29, [x19], #32
    ldp q30, q31, [x19], #32
    ret

// Fill with table ^ x20 through general registers: FMOV Dn, Xm writes the
// low half (and zeroes the high one), INS Vn.D[1], Xm the high half.
set_fmov:
    adr x19, patterns
    .irp n, REGS
    ldp x1, x2, [x19], #16
    eor x1, x1, x20
    eor x2, x2, x20
    fmov d\n, x1
    mov v\n\().d[1], x2
    .endr
    ret

// Check every Vn against table ^ x20 with FMOV Xd, Dn and UMOV Xd, Vn.D[1],
// then FPCR and FPSR.
check_umov:
    adr x19, patterns
    .irp n, REGS
    ldp x1, x2, [x19], #16
    eor x1, x1, x20
    eor x2, x2, x20
    mov x5, #\n
    fmov x3, d\n
    mov x6, #0
    cmp x3, x1
    b.ne bad_reg
    mov x3, v\n\().d[1]
    mov x6, #1
    cmp x3, x2
    b.ne bad_reg
    .endr
    b check_ctl

// Check every Vn by storing all of them with STP and comparing the buffer
// with table ^ x20, then FPCR and FPSR.
check_stp:
    adr x19, dump
    stp q0, q1, [x19], #32
    stp q2, q3, [x19], #32
    stp q4, q5, [x19], #32
    stp q6, q7, [x19], #32
    stp q8, q9, [x19], #32
    stp q10, q11, [x19], #32
    stp q12, q13, [x19], #32
    stp q14, q15, [x19], #32
    stp q16, q17, [x19], #32
    stp q18, q19, [x19], #32
    stp q20, q21, [x19], #32
    stp q22, q23, [x19], #32
    stp q24, q25, [x19], #32
    stp q26, q27, [x19], #32
    stp q28, q29, [x19], #32
    stp q30, q31, [x19], #32
    adr x19, dump
    adr x4, patterns
    mov x7, #0                      // 64-bit word index: register 2i, half i&1
1:  ldr x1, [x4, x7, lsl #3]
    eor x1, x1, x20
    ldr x3, [x19, x7, lsl #3]
    lsr x5, x7, #1
    and x6, x7, #1
    cmp x3, x1
    b.ne bad_reg
    add x7, x7, #1
    cmp x7, #64
    b.lo 1b
    // fall through

check_ctl:
    mrs x3, fpcr
    CHECK_EQ x3, x23, "FPCR changed:"
    mrs x3, fpsr
    CHECK_EQ x3, x24, "FPSR changed:"
    ret

// x5 = register, x6 = half, x3 = value found.
bad_reg:
    mov x25, x5
    mov x26, x6
    mov x27, x3
    adr x0, str_bad1
    bl put_str
    mov x0, x25
    bl put_dec
    adr x0, str_bad2
    bl put_str
    mov x0, x26
    bl put_dec
    adr x0, str_bad3
    bl put_str
    mov x0, x27
    bl put_hex
    adr x0, str_bad4
    bl put_str
    mov x0, x21
    bl put_dec
    adr x0, str_bad5
    bl put_str
    mov x0, x22
    bl put_dec
    adr x0, str_bad6
    bl put_str
    b fail_end

    .section .rodata
    .balign 16
patterns:
    .irp n, REGS
    .quad PAT_LO(\n), PAT_HI(\n)
    .endr
str_bad1:   .asciz "FAIL: v"
str_bad2:   .asciz ".d["
str_bad3:   .asciz "] is "
str_bad4:   .asciz " in round "
str_bad5:   .asciz " after "
str_bad6:   .asciz " exits"

    .data
    .balign 16
dump:       .skip 32 * 16
