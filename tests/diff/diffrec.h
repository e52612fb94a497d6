/* tests/diff/diffrec.h: the memory map and record layout shared by the
 * qemu-side runner (runner.S) and the host side of the differential test. */
#ifndef DIFFREC_H
#define DIFFREC_H

/* Both sides use the same addresses, so PC-relative results (ADR, BL's link
 * register) and data addresses agree. The window is inside the test CPU's
 * flat RAM (tests/support/testcpu.h: 0x40000000, 1 MiB). */
#define DR_MAP_BASE 0x40000000     /* the runner maps [base, base + size) */
#define DR_MAP_SIZE 0x100000
#define DR_ENTRY 0x40000000        /* runner writes `b code_addr` here */
#define DR_CODE_LO 0x40001000      /* sequences are placed from here... */
#define DR_CODE_HI 0x40078000      /* ...to below here */
#define DR_DATA 0x40080c00         /* the data window straddles a page */
#define DR_DATA_SIZE 2048
#define DR_SAVE 0x400f0000         /* SP during a sequence: the save area */
#define DR_EXIT 0x40400000         /* runner's seq_exit: its link address */

#define DR_MAX_CODE 256            /* words per sequence, subroutines included */
#define DR_MAGIC 0x4649445f4d49534cULL /* "LSIM_DIF" little-endian */

/* Input record, one per sequence (all fields little-endian u64). */
#define DR_IN_MAGIC 0
#define DR_IN_CODE_ADDR 8
#define DR_IN_NZCV 16
#define DR_IN_NCODE 24
#define DR_IN_X 32                 /* x0..x30 */
#define DR_IN_V 288                /* q0..q31, 16 bytes each */
#define DR_IN_CODE 800             /* DR_MAX_CODE words */
#define DR_IN_DATA (DR_IN_CODE + 4 * DR_MAX_CODE)
#define DR_IN_SIZE (DR_IN_DATA + DR_DATA_SIZE)

/* Output record: the save area's layout (the exit stub stores into it with
 * SP pointing at it), followed by the data window. */
#define DR_OUT_STATUS 0            /* 0: reached DR_EXIT; else a signal number */
#define DR_OUT_PC 8                /* DR_EXIT, or the faulting PC */
#define DR_OUT_NZCV 16
#define DR_OUT_FAR 24              /* si_addr-like fault address (signals) */
#define DR_OUT_X 32
#define DR_OUT_V 288
#define DR_OUT_DATA 800
#define DR_OUT_SIZE (DR_OUT_DATA + DR_DATA_SIZE)

/* The runner's first output: DR_MAGIC then the address of its seq_exit, so
 * the host can tell a runner linked elsewhere from a failing sequence. */
#define DR_HELLO_SIZE 16

#endif
