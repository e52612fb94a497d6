/* tests/support/testcpu.c: flat-RAM CPU fixture and Capstone text check
 * shared by the unit tests. */
#include "testcpu.h"

#include <capstone/capstone.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sysreg.h"

static uint8_t *flat_page(void *ctx, uint64_t page, bool for_write)
{
    (void)for_write;
    testcpu *t = ctx;
    if (page < TC_RAM_BASE || page >= TC_RAM_BASE + TC_RAM_SIZE)
        return NULL;
    return t->ram + (page - TC_RAM_BASE);
}

/* Outside RAM: the stage-2 hole if the test set one, else nothing. */
static int no_device(void *ctx, uint64_t addr, void *buf, unsigned len)
{
    (void)buf, (void)len;
    testcpu *t = ctx;
    return addr - t->hole_base < t->hole_size ? A64_BUS_STAGE2 : A64_BUS_ABORT;
}

static int no_device_w(void *ctx, uint64_t addr, const void *buf, unsigned len)
{
    return no_device(ctx, addr, (void *)(uintptr_t)buf, len);
}

testcpu *tc_new(unsigned el)
{
    testcpu *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->ram = calloc(1, TC_RAM_SIZE);
    assert_non_null(t->ram);
    t->bus = (a64_bus){ .ctx = t, .host_page = flat_page, .read = no_device, .write = no_device_w };
    a64_cpu_init(&t->cpu, &t->bus, el);
    t->cpu.pc = TC_CODE;
    t->cpu.sr[SR_VBAR_EL1] = TC_VBAR;
    t->cpu.sr[SR_VBAR_EL2] = TC_VBAR;
    // FP/SIMD enabled at EL0/EL1, as firmware leaves it for a kernel
    t->cpu.sr[SR_CPACR_EL1] = UINT64_C(3) << 20;
    return t;
}

void tc_free(testcpu *t)
{
    a64_cpu_fini(&t->cpu);
    free(t->ram);
    free(t);
}

uint8_t *tc_ptr(testcpu *t, uint64_t addr)
{
    assert_true(addr >= TC_RAM_BASE && addr < TC_RAM_BASE + TC_RAM_SIZE);
    return t->ram + (addr - TC_RAM_BASE);
}

void tc_put_code(testcpu *t, uint64_t addr, const uint32_t *words, unsigned n)
{
    memcpy(tc_ptr(t, addr), words, 4u * n);
    a64_code_written(&t->cpu, addr, 4u * n);
}

void tc_exec1(testcpu *t, uint32_t word)
{
    tc_put_code(t, t->cpu.pc, &word, 1);
    a64_step(&t->cpu);
}

void tc_run(testcpu *t, unsigned n)
{
    uint64_t taken = t->cpu.exc_taken;
    for (unsigned i = 0; i < n && !t->cpu.stop && t->cpu.exc_taken == taken; i++)
        a64_step(&t->cpu);
}

uint64_t tc_read64(testcpu *t, uint64_t addr)
{
    uint64_t v;
    memcpy(&v, tc_ptr(t, addr), 8);
    return v;
}

void tc_write64(testcpu *t, uint64_t addr, uint64_t v) { memcpy(tc_ptr(t, addr), &v, 8); }

bool tc_disasm(uint32_t word, char *buf, size_t len)
{
    csh h;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &h) != CS_ERR_OK)
        return false;
    cs_insn *insn;
    size_t n = cs_disasm(h, (const uint8_t *)&word, 4, 0x1000, 1, &insn);
    bool ok = n == 1;
    if (ok) {
        if (insn->op_str[0])
            snprintf(buf, len, "%s %s", insn->mnemonic, insn->op_str);
        else
            snprintf(buf, len, "%s", insn->mnemonic);
        cs_free(insn, n);
    }
    cs_close(&h);
    return ok;
}

void tc_assert_disasm(uint32_t word, const char *text)
{
    char buf[128];
    if (!tc_disasm(word, buf, sizeof buf))
        fail_msg("Capstone does not know 0x%08x (expected \"%s\")", word, text);
    if (strcmp(buf, text) != 0)
        fail_msg("0x%08x disassembles to \"%s\", the test says \"%s\"", word, buf, text);
}
