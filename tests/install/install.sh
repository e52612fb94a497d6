#!/bin/sh
# tests/install/install.sh BUILD WORK ELF: `cmake --install` into a fresh
# prefix under WORK, then use only what was installed: the installed sim
# (version, its own models folder, a run), the man page, and a program
# compiled against elsim.pc that embeds the core and runs ELF.
set -eu
build=$1
work=$2
elf=$3
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/sim share/elsim/models/generic.lua share/man/man1/sim.1 include/elsim/machine.h include/elsim/a64.h; do
    [ -f "$prefix/$f" ] || fail "$f was not installed"
done
pc=$(find "$prefix" -name elsim.pc)
[ -n "$pc" ] || fail "elsim.pc was not installed"
lib=$(find "$prefix" -name libelsim.a)
[ -n "$lib" ] || fail "libelsim.a was not installed"

# GNU conventions: --version's first line, --help on stdout, both exit 0
version=$(sed -n 's/^project(elsim VERSION \([0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt")
first=$("$prefix/bin/sim" --version | head -n 1)
[ "$first" = "sim (elsim) $version" ] || fail "--version says '$first', expected 'sim (elsim) $version'"
"$prefix/bin/sim" --help | grep -q '^Usage: sim --elf FILE' || fail "--help has no GNU Usage: line"

# the installed sim reads the installed models, not the source tree's: a
# model file added to the prefix shows up in --list-models
sed 's/name = "generic"/name = "install-probe"/' "$prefix/share/elsim/models/generic.lua" \
    >"$prefix/share/elsim/models/install-probe.lua"
"$prefix/bin/sim" --list-models | grep -q '^install-probe ' || fail "the installed sim does not list the installed models"
"$prefix/bin/sim" --elf "$elf" --model install-probe >/dev/null || fail "the installed sim cannot run $elf"

# the man page formats without a warning
if ! out=$(groff -man -ww -z -Tutf8 "$prefix/share/man/man1/sim.1" 2>&1) || [ -n "$out" ]; then
    fail "the man page does not format cleanly: $out"
fi

# a program built with nothing but pkg-config's flags embeds the core
cc=${CC:-cc}
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")
# shellcheck disable=SC2046,SC2086
"$cc" ${CFLAGS:-} -std=c11 -Wall -Werror -o "$work/embed" "$(dirname "$0")/embed.c" $(pkg-config --cflags --libs elsim) ||
    fail "embed.c does not build against elsim.pc"
got=$("$work/embed" "$elf")
# bare_arith: x22 = 52 / 7 = 7, x23 = 52 - 7 * 7 = 3, stopped by SYSTEM_OFF
case $got in
"stop="*" x22=7 x23=3") ;;
*) fail "embed printed '$got', expected x22=7 x23=3" ;;
esac
echo "install test: ok ($prefix)"
