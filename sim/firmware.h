/* sim/firmware.h: the EL3 firmware model answering SMC (and the HVC
 * conduit of runs without EL2 code): SMCCC and PSCI, in C. */
#ifndef SIM_FIRMWARE_H
#define SIM_FIRMWARE_H

#include <stdint.h>

#include "a64.h"

/* Function ids (SMCCC / PSCI), 32-bit calling convention. */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_ARCH_WORKAROUND_1 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffu
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffu

#define SMCCC_RET_SUCCESS 0
#define SMCCC_RET_NOT_SUPPORTED UINT64_C(0xffffffffffffffff) /* -1 */
#define PSCI_RET_INVALID_PARAMS UINT64_C(0xfffffffffffffffe) /* -2 */
#define PSCI_RET_ALREADY_ON UINT64_C(0xfffffffffffffffc)     /* -4 */

typedef struct sim_firmware {
    uint64_t calls;       /* SMC/HVC calls answered */
    uint32_t last_fid;
    /* Which SMCCC workarounds this CPU model needs (a model parameter). */
    bool needs_wa1, needs_wa2, needs_wa3;
} sim_firmware;

/* Answer the call in w0 (results in x0); may stop the CPU (SYSTEM_OFF). */
void firmware_call(sim_firmware *fw, a64_cpu *c);

#endif
