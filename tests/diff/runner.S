/* tests/diff/runner.S: the qemu-aarch64 side of the differential test: reads
 * sequence records on stdin, runs each, writes its final state to stdout. */
#include "diffrec.h"

#define SYS_READ 63
#define SYS_WRITE 64
#define SYS_EXIT_GROUP 94
#define SYS_RT_SIGACTION 134
#define SYS_MMAP 222

#define PROT_RWX 7
/* MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_FIXED_NOREPLACE: qemu 7.2
 * ignores NOREPLACE (so FIXED is needed), newer ones honour it. */
#define MAP_FLAGS 0x100032
#define SA_SIGINFO 4
#define SA_NODEFER 0x40000000

/* Kernel (and qemu) aarch64 signal frame: ucontext.uc_mcontext is at 176;
 * in struct sigcontext the fault address is at 0, x0..x30 at 8, pc at 264,
 * pstate at 272, and the first record of __reserved (the FP/SIMD context
 * with its magic, then fpsr, fpcr and q0..q31 from offset 16) at 288. */
#define UC_MCONTEXT 176
#define SC_REGS 8
#define SC_PC 264
#define SC_PSTATE 272
#define SC_RESERVED 288
#define FPSIMD_MAGIC_LO 0x8001
#define FPSIMD_MAGIC_HI 0x4650
#define FPSIMD_VREGS 16

/* Load a 32-bit constant (all the addresses of diffrec.h fit). */
.macro movc reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
.endm

    .text
/* seq_exit must be the first instruction of .text: sequences end with a
 * `b DR_EXIT` and the runner is linked with its text at DR_EXIT. SP points
 * at the save area; no general register is free yet, so x0..x30 go first. */
    .globl seq_exit
seq_exit:
    stp x0, x1, [sp, #DR_OUT_X + 0]
    stp x2, x3, [sp, #DR_OUT_X + 16]
    stp x4, x5, [sp, #DR_OUT_X + 32]
    stp x6, x7, [sp, #DR_OUT_X + 48]
    stp x8, x9, [sp, #DR_OUT_X + 64]
    stp x10, x11, [sp, #DR_OUT_X + 80]
    stp x12, x13, [sp, #DR_OUT_X + 96]
    stp x14, x15, [sp, #DR_OUT_X + 112]
    stp x16, x17, [sp, #DR_OUT_X + 128]
    stp x18, x19, [sp, #DR_OUT_X + 144]
    stp x20, x21, [sp, #DR_OUT_X + 160]
    stp x22, x23, [sp, #DR_OUT_X + 176]
    stp x24, x25, [sp, #DR_OUT_X + 192]
    stp x26, x27, [sp, #DR_OUT_X + 208]
    stp x28, x29, [sp, #DR_OUT_X + 224]
    str x30, [sp, #DR_OUT_X + 240]
    mrs x0, nzcv
    str x0, [sp, #DR_OUT_NZCV]
    stp q0, q1, [sp, #DR_OUT_V + 0]
    stp q2, q3, [sp, #DR_OUT_V + 32]
    stp q4, q5, [sp, #DR_OUT_V + 64]
    stp q6, q7, [sp, #DR_OUT_V + 96]
    stp q8, q9, [sp, #DR_OUT_V + 128]
    stp q10, q11, [sp, #DR_OUT_V + 160]
    stp q12, q13, [sp, #DR_OUT_V + 192]
    stp q14, q15, [sp, #DR_OUT_V + 224]
    stp q16, q17, [sp, #DR_OUT_V + 256]
    stp q18, q19, [sp, #DR_OUT_V + 288]
    stp q20, q21, [sp, #DR_OUT_V + 320]
    stp q22, q23, [sp, #DR_OUT_V + 352]
    stp q24, q25, [sp, #DR_OUT_V + 384]
    stp q26, q27, [sp, #DR_OUT_V + 416]
    stp q28, q29, [sp, #DR_OUT_V + 448]
    stp q30, q31, [sp, #DR_OUT_V + 480]
    str xzr, [sp, #DR_OUT_STATUS]
    adr x0, seq_exit
    str x0, [sp, #DR_OUT_PC]
    str xzr, [sp, #DR_OUT_FAR]
    b after_seq

    .globl _start
_start:
    adr x0, stack_top
    mov sp, x0
    // the window both sides share; NOREPLACE (where qemu knows it) makes a
    // clash an error rather than a silent overwrite
    movc x0, DR_MAP_BASE
    movc x1, DR_MAP_SIZE
    mov x2, #PROT_RWX
    movc x3, MAP_FLAGS
    mov x4, #-1
    mov x5, #0
    mov x8, #SYS_MMAP
    svc #0
    movc x1, DR_MAP_BASE
    cmp x0, x1
    b.ne die_map

    // a faulting sequence reports its signal instead of killing the run
    mov x0, #4          // SIGILL
    bl catch
    mov x0, #5          // SIGTRAP
    bl catch
    mov x0, #7          // SIGBUS
    bl catch
    mov x0, #8          // SIGFPE
    bl catch
    mov x0, #11         // SIGSEGV
    bl catch

    // hello: magic and where seq_exit really is
    adr x0, iobuf
    ldr x1, =DR_MAGIC
    adr x2, seq_exit
    stp x1, x2, [x0]
    mov x1, x0
    mov x0, #1
    mov x2, #DR_HELLO_SIZE
    bl write_full

next_record:
    mov x0, #0
    adr x1, inbuf
    movc x2, DR_IN_SIZE
    bl read_full
    cbz x0, done
    movc x1, DR_IN_SIZE
    cmp x0, x1
    b.ne die_short
    adr x19, inbuf
    ldr x0, [x19, #DR_IN_MAGIC]
    ldr x1, =DR_MAGIC
    cmp x0, x1
    b.ne die_magic

    // code words to their address
    ldr x20, [x19, #DR_IN_CODE_ADDR]
    ldr x2, [x19, #DR_IN_NCODE]
    add x1, x19, #DR_IN_CODE
    mov x0, x20
1:  cbz x2, 2f
    ldr w3, [x1], #4
    str w3, [x0], #4
    sub x2, x2, #1
    b 1b
2:
    // data window
    add x1, x19, #DR_IN_DATA
    movc x0, DR_DATA
    movc x2, DR_DATA_SIZE
    bl copy_bytes
    // register state into the save area (same layout as the record)
    movc x0, DR_SAVE + DR_IN_NZCV
    add x1, x19, #DR_IN_NZCV
    mov x2, #(DR_IN_CODE - DR_IN_NZCV)
    bl copy_bytes
    // trampoline `b code_addr` at DR_ENTRY: no register is free to branch
    // through once x0..x30 hold the sequence's values
    movc x0, DR_ENTRY
    sub x1, x20, x0
    ubfx x1, x1, #2, #26
    movz w3, #0x1400, lsl #16   // B opcode
    orr w1, w1, w3
    str w1, [x0]
    dsb ish
    isb

    // state a sequence may leave behind that elsim's fresh CPU does not
    // have: TPIDR_EL0 and an open exclusive monitor
    msr tpidr_el0, xzr
    clrex
    movc x0, DR_SAVE
    mov sp, x0
    ldr x0, [sp, #DR_OUT_NZCV]
    msr nzcv, x0
    ldp q0, q1, [sp, #DR_OUT_V + 0]
    ldp q2, q3, [sp, #DR_OUT_V + 32]
    ldp q4, q5, [sp, #DR_OUT_V + 64]
    ldp q6, q7, [sp, #DR_OUT_V + 96]
    ldp q8, q9, [sp, #DR_OUT_V + 128]
    ldp q10, q11, [sp, #DR_OUT_V + 160]
    ldp q12, q13, [sp, #DR_OUT_V + 192]
    ldp q14, q15, [sp, #DR_OUT_V + 224]
    ldp q16, q17, [sp, #DR_OUT_V + 256]
    ldp q18, q19, [sp, #DR_OUT_V + 288]
    ldp q20, q21, [sp, #DR_OUT_V + 320]
    ldp q22, q23, [sp, #DR_OUT_V + 352]
    ldp q24, q25, [sp, #DR_OUT_V + 384]
    ldp q26, q27, [sp, #DR_OUT_V + 416]
    ldp q28, q29, [sp, #DR_OUT_V + 448]
    ldp q30, q31, [sp, #DR_OUT_V + 480]
    ldp x0, x1, [sp, #DR_OUT_X + 0]
    ldp x2, x3, [sp, #DR_OUT_X + 16]
    ldp x4, x5, [sp, #DR_OUT_X + 32]
    ldp x6, x7, [sp, #DR_OUT_X + 48]
    ldp x8, x9, [sp, #DR_OUT_X + 64]
    ldp x10, x11, [sp, #DR_OUT_X + 80]
    ldp x12, x13, [sp, #DR_OUT_X + 96]
    ldp x14, x15, [sp, #DR_OUT_X + 112]
    ldp x16, x17, [sp, #DR_OUT_X + 128]
    ldp x18, x19, [sp, #DR_OUT_X + 144]
    ldp x20, x21, [sp, #DR_OUT_X + 160]
    ldp x22, x23, [sp, #DR_OUT_X + 176]
    ldp x24, x25, [sp, #DR_OUT_X + 192]
    ldp x26, x27, [sp, #DR_OUT_X + 208]
    ldp x28, x29, [sp, #DR_OUT_X + 224]
    ldr x30, [sp, #DR_OUT_X + 240]
    b seq_exit + (DR_ENTRY - DR_EXIT) // seq_exit is at DR_EXIT

/* Both ways out of a sequence land here with the save area filled. */
after_seq:
    adr x0, stack_top
    mov sp, x0
    movc x0, DR_SAVE + DR_OUT_DATA
    movc x1, DR_DATA
    movc x2, DR_DATA_SIZE
    bl copy_bytes
    mov x0, #1
    movc x1, DR_SAVE
    movc x2, DR_OUT_SIZE
    bl write_full
    b next_record

/* Signal handler (x0 signo, x1 siginfo, x2 ucontext): record the state at
 * the fault from the signal frame and resume the runner. SA_NODEFER keeps
 * the signal unblocked, so never returning through sigreturn is fine. */
fault_handler:
    movc x9, DR_SAVE
    str x0, [x9, #DR_OUT_STATUS]
    add x10, x2, #UC_MCONTEXT
    ldr x11, [x10]
    str x11, [x9, #DR_OUT_FAR]
    ldr x11, [x10, #SC_PC]
    str x11, [x9, #DR_OUT_PC]
    ldr x11, [x10, #SC_PSTATE]
    and x11, x11, #0xf0000000
    str x11, [x9, #DR_OUT_NZCV]
    add x0, x9, #DR_OUT_X
    add x1, x10, #SC_REGS
    mov x2, #(31 * 8)
    bl copy_bytes
    add x1, x10, #SC_RESERVED
    ldr w11, [x1]
    movz w12, #FPSIMD_MAGIC_LO
    movk w12, #FPSIMD_MAGIC_HI, lsl #16
    cmp w11, w12
    b.ne after_seq
    add x1, x1, #FPSIMD_VREGS
    add x0, x9, #DR_OUT_V
    mov x2, #(32 * 16)
    bl copy_bytes
    b after_seq

/* catch(x0 = signal): install fault_handler for it. */
catch:
    adr x1, sigact
    adr x2, fault_handler
    str x2, [x1]
    movc x2, SA_SIGINFO | SA_NODEFER
    str x2, [x1, #8]
    stp xzr, xzr, [x1, #16]
    mov x2, #0
    mov x3, #8
    mov x8, #SYS_RT_SIGACTION
    svc #0
    cbnz x0, die_sig
    ret

/* copy_bytes(x0 dst, x1 src, x2 len): leaves x9, x10 alone. */
copy_bytes:
    cbz x2, 2f
1:  ldrb w3, [x1], #1
    strb w3, [x0], #1
    subs x2, x2, #1
    b.ne 1b
2:  ret

/* read_full(x0 fd, x1 buf, x2 len) -> x0 bytes read (short only at EOF). */
read_full:
    mov x4, x0
    mov x5, x1
    mov x6, x2
    mov x7, #0
1:  cmp x7, x6
    b.hs 2f
    mov x0, x4
    add x1, x5, x7
    sub x2, x6, x7
    mov x8, #SYS_READ
    svc #0
    cmp x0, #0
    b.le 2f
    add x7, x7, x0
    b 1b
2:  mov x0, x7
    ret

/* write_full(x0 fd, x1 buf, x2 len): exits on an error. */
write_full:
    mov x4, x0
    mov x5, x1
    mov x6, x2
1:  cbz x6, 2f
    mov x0, x4
    mov x1, x5
    mov x2, x6
    mov x8, #SYS_WRITE
    svc #0
    cmp x0, #0
    b.le die_write
    add x5, x5, x0
    sub x6, x6, x0
    b 1b
2:  ret

done:
    mov x0, #0
    b exit
die_map:
    mov x0, #10
    b exit
die_sig:
    mov x0, #11
    b exit
die_short:
    mov x0, #12
    b exit
die_magic:
    mov x0, #13
    b exit
die_write:
    mov x0, #14
exit:
    mov x8, #SYS_EXIT_GROUP
    svc #0

    .ltorg

    .bss
    .balign 16
sigact: .skip 32
iobuf:  .skip 16
    .balign 16
inbuf:  .skip DR_IN_SIZE
    .balign 16
stack:  .skip 8192
stack_top:
