/* sim/locate.h: messages a person can act on when a name or an address
 * given by the user is not where they think: the ELF files searched, close
 * symbol names, the nearest symbol to an address outside every segment. */
#ifndef SIM_LOCATE_H
#define SIM_LOCATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim_machine;

/* "SYMBOL", "SYMBOL+N", "SYMBOL-N" (a symbol of any loaded image) or an
 * address into *addr. False with the reason in why, for the caller to
 * prefix: a bad offset, or the missing symbol with close names. */
bool locate_resolve(const struct sim_machine *m, const char *spec, uint64_t *addr, char *why, size_t len);
/* "no symbol 'NAME' in hyp.elf or guest.elf (did you mean '__guest_exit'?)",
 * or "... (it has no symbol table: stripped?)". */
const char *locate_missing_symbol(const struct sim_machine *m, const char *name, char *buf, size_t len);
/* True if addr lies in a loaded segment of any image. */
bool locate_in_segment(const struct sim_machine *m, uint64_t addr);
/* "0xADDR is outside every loaded segment (hyp.elf: [lo, hi), ...);
 * nearest symbol: NAME+0xN in FILE". */
const char *locate_outside(const struct sim_machine *m, uint64_t addr, char *buf, size_t len);

#endif
