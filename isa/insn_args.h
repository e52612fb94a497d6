/* isa/insn_args.h: named constants rows of insns.def pass to handlers
 * shared by several rows (the `arg` column). One enum per encoding group. */
#ifndef INSN_ARGS_H
#define INSN_ARGS_H

/* MSR (immediate): which PSTATE field the row writes. */
enum { PSF_UAO, PSF_PAN, PSF_SPSEL, PSF_SSBS, PSF_DIT, PSF_DAIFSET, PSF_DAIFCLR };

#include "args_dp.h"
#include "args_ldst.h"
#include "args_mte.h"
#include "args_pauth.h"

#endif
