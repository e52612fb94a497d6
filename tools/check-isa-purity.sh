#!/bin/sh
# tools/check-isa-purity.sh ISA_DIR: fails if isa/ includes anything from
# sim/, a library header, or does I/O (DESIGN section 2).
dir=${1:-isa}
bad=0
if grep -nE '#include *"\.\./|#include *"(sim|machine|mem|elf|trace)[a-z_]*\.h"' "$dir"/*.c "$dir"/*.h; then
  echo "isa/ includes a sim/ header"; bad=1
fi
if grep -nE '#include *<(stdio|libelf|gelf|elfutils/[a-z]+|capstone/capstone|lua|lauxlib|jansson|unistd|fcntl)\.h>' "$dir"/*.c "$dir"/*.h; then
  echo "isa/ includes a library or I/O header"; bad=1
fi
if grep -nE '\b(printf|fprintf|puts|fopen|fwrite|perror|exit|abort)\s*\(' "$dir"/*.c; then
  echo "isa/ does I/O or exits"; bad=1
fi
[ $bad -eq 0 ] && echo "isa/ is pure"
exit $bad
