#!/bin/sh
# tools/fuzz.sh TARGET SECONDS [libFuzzer options...]: build the libFuzzer
# targets (clang, ASan + UBSan) and fuzz TARGET for SECONDS.
#
#   TARGET: elf, exec, guest, options, inject, model, script or gdb (tests/fuzz/fuzz_TARGET.c)
#   tools/fuzz.sh --build     only configure and build the fuzz targets
#
# libFuzzer writes new inputs into the first folder only ($work).
# The build folder is $ELSIM_FUZZ_DIR (default build-fuzz/). New inputs go
# to its corpus/TARGET, crashes to its artifacts/TARGET/; the seeds in
# tests/fuzz/corpus/TARGET are read, never written (model and script also
# start from models/ and testdata/scenarios/ where they live). A crash exits non-zero:
# add the crashing input to tests/fuzz/corpus/TARGET as a regression test.
# ELSIM_FUZZ_NOBUILD=1 skips the (re)build; ELSIM_CC names the clang.
# Scripts find ELF files through ELSIM_PATH (default: the build's testdata).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${ELSIM_FUZZ_DIR:-"$top/build-fuzz"}
targets="elf exec guest options inject model script gdb"

usage() {
    echo "usage: tools/fuzz.sh TARGET SECONDS [libFuzzer options...] | --build" >&2
    echo "TARGET: $targets" >&2
    exit 2
}

find_clang() {
    if [ -n "${ELSIM_CC:-}" ]; then
        echo "$ELSIM_CC"
        return
    fi
    for c in clang clang-16 clang-15 clang-14; do
        if command -v "$c" >/dev/null 2>&1; then
            command -v "$c"
            return
        fi
    done
    echo "tools/fuzz.sh: clang not found: install the Debian package clang" >&2
    exit 2
}

build() {
    cc=$(find_clang)
    cmake -S "$top" -B "$dir" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DELSIM_FUZZ=ON >/dev/null
    set --
    for t in $targets; do
        set -- "$@" --target "fuzz_$t"
    done
    # and the test programs, for the scripts to load
    for t in $(cmake --build "$dir" --target help | sed -n 's/^\.\.\. \(.*_elf\)$/\1/p'); do
        set -- "$@" --target "$t"
    done
    cmake --build "$dir" -j "$(nproc)" "$@"
}

[ $# -ge 1 ] || usage
if [ "$1" = "--build" ]; then
    build
    exit 0
fi
[ $# -ge 2 ] || usage
target=$1
secs=$2
shift 2
case " $targets " in
*" $target "*) ;;
*) echo "tools/fuzz.sh: unknown target '$target'" >&2; usage ;;
esac
case $secs in
'' | *[!0-9]*) echo "tools/fuzz.sh: SECONDS '$secs' is not a number" >&2; usage ;;
esac
[ "${ELSIM_FUZZ_NOBUILD:-0}" = 1 ] || build

bin="$dir/tests/fuzz/fuzz_$target"
seeds="$top/tests/fuzz/corpus/$target"
case $top in *[[:space:]]*) echo "tools/fuzz.sh: the source path must not contain blanks" >&2; exit 2 ;; esac
work="$dir/corpus/$target"
crashes="$dir/artifacts/$target"
mkdir -p "$work" "$crashes"
if [ -f "$top/tests/fuzz/$target.dict" ]; then
    set -- -dict="$top/tests/fuzz/$target.dict" "$@"
fi

# seed folders after $work (libFuzzer writes only into the first); model and
# script seeds are the project's own files where they live
case $target in
model) seeds="$top/models $seeds" ;;
script) seeds="$top/testdata/scenarios $top/testdata/scenarios/negative" ;;
esac
td="$dir/testdata"
ELSIM_PATH=${ELSIM_PATH:-"$td/hyp:$td/guests:$td/bare"}
export ELSIM_PATH
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -close_fd_mask=1 -artifact_prefix="$crashes/" "$@" "$work" $seeds
