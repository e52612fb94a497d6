/* sim/firmware.c: a minimal EL3 firmware: PSCI 1.1 for one CPU and the
 * SMCCC 1.1 discovery calls, answering as TF-A or QEMU's PSCI would. */
#include "firmware.h"

#include <stdbool.h>

#define PSCI_VERSION_1_1 0x00010001u
#define SMCCC_VERSION_1_1 0x00010001u

static bool psci_known(uint32_t fid)
{
    switch (fid) {
    case PSCI_VERSION: case PSCI_CPU_OFF: case PSCI_CPU_ON_64: case PSCI_SYSTEM_OFF:
    case PSCI_SYSTEM_RESET: case PSCI_FEATURES: case SMCCC_VERSION:
        return true;
    default:
        return false;
    }
}

/* SMCCC_ARCH_FEATURES: 0 when the call exists and the CPU needs it. */
static uint64_t arch_features(const sim_firmware *fw, uint32_t q)
{
    switch (q) {
    case SMCCC_VERSION:
    case SMCCC_ARCH_FEATURES: return SMCCC_RET_SUCCESS;
    case SMCCC_ARCH_WORKAROUND_1: return fw->needs_wa1 ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED;
    case SMCCC_ARCH_WORKAROUND_2: return fw->needs_wa2 ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED;
    case SMCCC_ARCH_WORKAROUND_3: return fw->needs_wa3 ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED;
    default: return SMCCC_RET_NOT_SUPPORTED;
    }
}

void firmware_call(sim_firmware *fw, a64_cpu *c)
{
    uint32_t fid = (uint32_t)c->x[0];
    uint64_t ret = SMCCC_RET_NOT_SUPPORTED;
    fw->calls++;
    fw->last_fid = fid;
    switch (fid) {
    case PSCI_VERSION: ret = PSCI_VERSION_1_1; break;
    case PSCI_FEATURES: ret = psci_known((uint32_t)c->x[1]) ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED; break;
    case PSCI_SYSTEM_OFF: c->stop = A64_STOP_POWEROFF; return;
    case PSCI_SYSTEM_RESET: c->stop = A64_STOP_RESET; return;
    case PSCI_CPU_OFF: c->stop = A64_STOP_POWEROFF; return; // the only CPU going off ends the run
    case PSCI_CPU_ON_64: ret = (c->x[1] & 0xffffff) == 0 ? PSCI_RET_ALREADY_ON : PSCI_RET_INVALID_PARAMS; break;
    case SMCCC_VERSION: ret = SMCCC_VERSION_1_1; break;
    case SMCCC_ARCH_FEATURES: ret = arch_features(fw, (uint32_t)c->x[1]); break;
    case SMCCC_ARCH_WORKAROUND_1:
    case SMCCC_ARCH_WORKAROUND_2:
    case SMCCC_ARCH_WORKAROUND_3:
        ret = arch_features(fw, fid) == SMCCC_RET_SUCCESS ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED;
        break;
    default: break;
    }
    a64_set_x(c, 0, ret);
}
