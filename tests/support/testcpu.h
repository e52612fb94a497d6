/* tests/support/testcpu.h: a fresh CPU on a small flat RAM for unit tests,
 * and the Capstone check that a hand-written word is the instruction its
 * test says it is. */
#ifndef TESTCPU_H
#define TESTCPU_H

#include <stdbool.h>
#include <stdint.h>

#include "a64.h"

/* RAM the test CPU sees: [TC_RAM_BASE, TC_RAM_BASE + TC_RAM_SIZE). Code is
 * placed at TC_CODE, data lives at TC_DATA; everything else is unmapped
 * (an access there is an external abort). */
#define TC_RAM_BASE UINT64_C(0x40000000)
#define TC_RAM_SIZE (UINT64_C(1) << 20)
#define TC_CODE UINT64_C(0x40000000)
#define TC_DATA UINT64_C(0x40080000)
#define TC_VBAR UINT64_C(0x40010000) /* vectors for both EL1 and EL2 */

typedef struct testcpu {
    a64_cpu cpu;
    a64_bus bus;
    uint8_t *ram;
    uint64_t hole_base, hole_size; /* not mapped at stage 2 (MMIO), or size 0 */
} testcpu;

/* A CPU at `el` (SP_ELx selected, DAIF masked) with PC = TC_CODE and
 * VBAR_EL1 = VBAR_EL2 = TC_VBAR. */
testcpu *tc_new(unsigned el);
void tc_free(testcpu *t);
/* Write `n` instruction words at `addr` (invalidates decoded code). */
void tc_put_code(testcpu *t, uint64_t addr, const uint32_t *words, unsigned n);
/* Put one word at PC and execute it: the common shape of a unit test. */
void tc_exec1(testcpu *t, uint32_t word);
/* Run until `n` more instructions have retired or an exception is taken. */
void tc_run(testcpu *t, unsigned n);
/* Raw RAM access for setup and checks (host-endian is little-endian). */
uint64_t tc_read64(testcpu *t, uint64_t addr);
void tc_write64(testcpu *t, uint64_t addr, uint64_t v);
uint8_t *tc_ptr(testcpu *t, uint64_t addr);

/* Capstone 4's text for `word` ("mnemonic operands", single spaces) into
 * buf; false when Capstone does not know the word. */
bool tc_disasm(uint32_t word, char *buf, size_t len);
/* cmocka-asserts that Capstone disassembles `word` to `text`. */
void tc_assert_disasm(uint32_t word, const char *text);

#endif
