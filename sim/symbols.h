/* sim/symbols.h: an ELF image's symbols, searchable by address
 * (symbol+offset for traces) and by name (for --inject, scripts). */
#ifndef SIM_SYMBOLS_H
#define SIM_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sim_sym {
    uint64_t addr, size;
    const char *name; /* points into the image's string table */
} sim_sym;

typedef struct sim_symtab {
    sim_sym *by_addr;   /* sorted by address */
    sim_sym **by_name;  /* sorted by name */
    size_t n, cap;
} sim_symtab;

void symtab_init(sim_symtab *t);
void symtab_fini(sim_symtab *t);
bool symtab_add(sim_symtab *t, uint64_t addr, uint64_t size, const char *name);
/* Sort after the last add; lookups need it. */
bool symtab_finish(sim_symtab *t);
/* The symbol at or before addr (NULL if none); *off = addr - sym->addr. */
const sim_sym *symtab_at(const sim_symtab *t, uint64_t addr, uint64_t *off);
const sim_sym *symtab_find(const sim_symtab *t, const char *name);

#endif
