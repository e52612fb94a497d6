// testdata/bare/sysreg_names.S: RAS registers Capstone 4 prints only by
// encoding (S3_4_C5_C2_3, S3_4_C12_C1_1, S3_0_C12_C1_1); the trace names
// them from elsim's table (trace.sysreg_names). At EL2 with RAS (generic):
// VSESR_EL2 holds the written syndrome bits (ISS and IDS, bits 24:0),
// VDISR_EL2 and DISR_EL1 read back what was written to their A and ISS
// fields; nothing is deferred in between.
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT x1=0x1234
// EXPECT x2=0x80000011
// EXPECT x3=0x0

    .text
    .globl _start
_start:
    mov x0, #0x1234
    msr s3_4_c5_c2_3, x0      // VSESR_EL2
    mrs x1, s3_4_c5_c2_3
    mov x0, #0x11
    orr x0, x0, #0x80000000   // A | ISS 0x11
    msr s3_4_c12_c1_1, x0     // VDISR_EL2
    mrs x2, s3_4_c12_c1_1
    msr s3_0_c12_c1_1, xzr    // DISR_EL1
    mrs x3, s3_0_c12_c1_1
    system_off
