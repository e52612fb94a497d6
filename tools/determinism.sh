#!/bin/sh
# tools/determinism.sh SIM_A SIM_B TESTDATA: runs the same inputs under two
# sim programs (the same one twice, or builds at -O0 and -O2) and fails
# unless every trace and JSON summary is byte-identical.
#
#   TESTDATA: the build's testdata/ folder (the assembled programs).
# Cases: bare programs with --trace --json (one with injections), the
# world-switch demo with --trace --json, Tarmac traces of the demo and of a
# bare program, a sweep with --jobs 2, and the timeline files (JSON and SVG)
# and a sweep's heat strip.
set -eu
[ $# -eq 3 ] || { echo "usage: tools/determinism.sh SIM_A SIM_B TESTDATA" >&2; exit 2; }
sim_a=$1
sim_b=$2
td=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/elsim-det.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
hyp="$td/hyp/hyp-v56.elf"
guest="$td/guests/guest-hello.elf"
fails=0
n=0

# check NAME ARGS...: run both, compare stdout, the trace file and the status
check() {
    name=$1
    shift
    for side in a b; do
        prog=$sim_a
        [ "$side" = a ] || prog=$sim_b
        set +e
        "$prog" "$@" --trace-file "$work/$name.$side.trace" >"$work/$name.$side.out" 2>"$work/$name.$side.err"
        echo $? >"$work/$name.$side.rc"
        set -e
    done
    n=$((n + 1))
    for f in out trace rc err; do
        if ! cmp -s "$work/$name.a.$f" "$work/$name.b.$f"; then
            echo "determinism: $name: the $f differs between runs:" >&2
            diff "$work/$name.a.$f" "$work/$name.b.$f" | head -20 >&2
            fails=$((fails + 1))
        fi
    done
    if [ ! -s "$work/$name.a.out" ]; then
        echo "determinism: $name: no output (exit $(cat "$work/$name.a.rc")): $(head -3 "$work/$name.a.err")" >&2
        fails=$((fails + 1))
    fi
}

check bare-el1-hvc --elf "$td/bare/bare_el1_hvc.elf" --json
check bare-traps --elf "$td/bare/bare_el1_traps.elf" --json --el 2
check bare-window --elf "$td/bare/bare_window_earliest.elf" --json --inject serror@pend_here
check bare-limit --elf "$td/bare/bare_runaway_pages.elf" --max-cycles 20000
check ws-demo --elf "$hyp" --guest "$guest" --inject serror@__guest_exit --json
check ws-text --elf "$td/hyp/hyp-v414.elf" --guest "$td/guests/guest-serror.elf"
check ws-tarmac --elf "$hyp" --guest "$guest" --inject serror@__guest_exit --trace-format tarmac
check bare-tarmac --elf "$td/bare/bare_tarmac_mem.elf" --trace-format tarmac
# a sweep has no trace: compare its JSON (with forked workers) only
for side in a b; do
    prog=$sim_a
    [ "$side" = a ] || prog=$sim_b
    "$prog" sweep --elf "$hyp" --guest "$guest" --inject serror --over __guest_exit --json --jobs 2 \
        >"$work/sweep.$side.out" 2>&1 || true
done
n=$((n + 1))
if ! cmp -s "$work/sweep.a.out" "$work/sweep.b.out"; then
    echo "determinism: sweep: the JSON differs between runs" >&2
    diff "$work/sweep.a.out" "$work/sweep.b.out" | head -20 >&2
    fails=$((fails + 1))
fi

# timelines (JSON and SVG) and a sweep's heat strip: compare the files
files() {
    name=$1
    shift
    for side in a b; do
        prog=$sim_a
        [ "$side" = a ] || prog=$sim_b
        # shellcheck disable=SC2046
        "$prog" "$@" $(echo "$FILES" | sed "s|@|$work/$name.$side|g") >/dev/null 2>&1 || true
    done
    n=$((n + 1))
    for ext in $EXTS; do
        if [ ! -s "$work/$name.a.$ext" ] || ! cmp -s "$work/$name.a.$ext" "$work/$name.b.$ext"; then
            echo "determinism: $name: the $ext file is missing or differs between runs" >&2
            fails=$((fails + 1))
        fi
    done
}
FILES="--timeline @.json --timeline-svg @.svg" EXTS="json svg" \
    files tl-demo --elf "$hyp" --guest "$guest" --inject serror@__guest_exit
FILES="--timeline @.json --timeline-svg @.svg" EXTS="json svg" \
    files tl-bare --elf "$td/bare/bare_el1_traps.elf" --inject irq@irq_here --inject serror@serror_here
FILES="--svg @.svg" EXTS="svg" \
    files sweep-svg sweep --elf "$hyp" --guest "$guest" --inject serror --over __guest_exit --jobs 2

if [ "$fails" -ne 0 ]; then
    echo "determinism: $fails difference(s) in $n cases" >&2
    exit 1
fi
echo "determinism: $n cases byte-identical"
