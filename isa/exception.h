/* isa/exception.h: raising synchronous exceptions from handlers and taking
 * them (the one place that writes ELR/SPSR/ESR/FAR), and exception return. */
#ifndef EXCEPTION_H
#define EXCEPTION_H

#include "a64.h"
#include "syndrome.h"

/* Vector offsets from VBAR_ELx. */
#define VEC_CUR_SP0 0x000
#define VEC_CUR_SPX 0x200
#define VEC_LOWER_A64 0x400
#define VEC_LOWER_A32 0x600
#define VEC_SYNC 0x000
#define VEC_IRQ 0x080
#define VEC_FIQ 0x100
#define VEC_SERROR 0x180

/* Offset from VBAR_ELx of the vector last entered, at the EL the CPU is
 * at now (right after the entry: the EL it was taken to). */
static inline uint64_t a64_vector_offset(const a64_cpu *c)
{
    return c->last_vector - c->sr[c->ps.el == A64_EL2 ? SR_VBAR_EL2 : SR_VBAR_EL1];
}

/* The EL a synchronous exception from the current EL goes to by default
 * (EL0 to EL1, or EL2 with HCR_EL2.TGE; never lower than the current EL). */
unsigned a64_sync_target_el(const a64_cpu *c);

/* Record a synchronous exception; taken when the step ends. */
void a64_raise(a64_cpu *c, unsigned target_el, uint32_t esr, uint64_t pref_ret);
/* Common cases, each with its architectural target, ESR and return address. */
void a64_undefined(a64_cpu *c);
void a64_data_abort(a64_cpu *c, uint64_t va, bool is_write, unsigned dfsc);
void a64_insn_abort(a64_cpu *c, uint64_t va, unsigned ifsc);
void a64_pc_alignment_fault(a64_cpu *c, uint64_t target);
/* A stage-2 translation fault on a data access from EL0/EL1, to EL2 with
 * HPFAR_EL2 = the IPA and, for a single-register load/store without
 * writeback, the instruction syndrome (ISV, SAS, SSE, SRT, SF, AR). */
void a64_stage2_data_abort(a64_cpu *c, uint64_t va, uint64_t ipa, unsigned len, bool is_write);
void a64_sp_alignment_fault(a64_cpu *c);

/* Take the recorded synchronous exception (called by the step). */
void a64_take_sync(a64_cpu *c);
/* Enter ELx at VBAR_ELx + offset with the given return address: the common
 * path of every exception, synchronous or not. */
void a64_exception_entry(a64_cpu *c, unsigned target_el, unsigned type_offset,
                         uint64_t pref_ret, bool write_esr, uint32_t esr);
/* ERET from the current EL (checks for an illegal exception return). */
void a64_exception_return(a64_cpu *c);
/* The same to `target` instead of ELR_ELx (ERETAA/ERETAB: ELR authenticated). */
void a64_exception_return_to(a64_cpu *c, uint64_t target);

#endif
