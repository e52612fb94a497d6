/* sim/dwarf_layout.h: structure layouts from an ELF's DWARF (libdw): member
 * offsets and type sizes by name, so no kernel offset is typed into elsim. */
#ifndef SIM_DWARF_LAYOUT_H
#define SIM_DWARF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dwarf_layout dwarf_layout;

/* Open the DWARF of `path` and pick the compile unit whose name ends with
 * `cu_suffix` (one that uses every type asked for later). NULL with err. */
dwarf_layout *dwarf_layout_open(const char *path, const char *cu_suffix, char *err, size_t len);
void dwarf_layout_close(dwarf_layout *d);
/* Offset of `member` in struct `type`: a dotted path ("arch.ctxt") through
 * nested structures; members of anonymous structs and unions are found as
 * C finds them. False with err naming what is missing. */
bool dwarf_member_offset(dwarf_layout *d, const char *type, const char *member, uint64_t *off,
                         char *err, size_t len);
/* sizeof(struct type). */
bool dwarf_type_size(dwarf_layout *d, const char *type, uint64_t *size, char *err, size_t len);

#endif
