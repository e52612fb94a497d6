/* sim/trace.h: the instruction trace: the text format (one line per
 * instruction with EL, PC, symbol+offset, disassembly and the registers it
 * wrote) or Arm's Tarmac text format (trace_tarmac.c). */
#ifndef SIM_TRACE_H
#define SIM_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct sim_machine;
typedef struct sim_trace sim_trace;

enum trace_format { TRACE_TEXT, TRACE_TARMAC };

/* A text trace writing to `out` (not closed by trace_free unless `owns`). */
sim_trace *trace_new(FILE *out, bool owns);
void trace_free(sim_trace *t);
/* Write `format` from the next step on. */
void trace_set_format(sim_trace *t, enum trace_format format);
/* "text" or "tarmac"; false for anything else. */
bool trace_format_parse(const char *s, enum trace_format *format);
/* Execute one instruction of m and write its line(s). */
void trace_step(sim_trace *t, struct sim_machine *m);
/* Disassemble one word at pc into buf: Capstone's text, or elsim's own
 * name where Capstone 4 does not know the instruction. */
const char *trace_disasm(sim_trace *t, uint32_t word, uint64_t pc, char *buf, size_t len);

#endif
