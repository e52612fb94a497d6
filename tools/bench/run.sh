#!/bin/sh
# tools/bench/run.sh: elsim's speed, side by side with qemu-aarch64.
#
# Builds sim and the workloads of tools/bench/ (RelWithDebInfo, in
# $BUILD, default build-bench/ at the top of the tree), runs each one $RUNS
# times (default 5) and prints medians:
#   - MIPS (retired instructions per second, tracing off, timing on) on the
#     bare-metal ALU, load/store and branch workloads, and in the same run
#     the MIPS of qemu-aarch64 (plain: its JIT, and -singlestep: one guest
#     instruction per translation block, the closest it has to an
#     interpreter) on Linux user-mode builds of the same instruction
#     streams, with the ratios. The instruction count is elsim's exact one
#     (the two builds differ only in their three-instruction exit); each
#     tool's start-up time (the median run of an empty program) is taken
#     off its times first;
#   - world-switch round trips per second (a guest making HVCs in a loop
#     behind the v5.6 hyp, and behind the real nVHE hyp of a Linux 6.1
#     vmlinux when tools/fetch-kernel.sh has fetched one or $KERNEL names
#     one), with the run's peak RSS;
#   - sweep points per second (1,000 injection points from __guest_exit);
#   - the peak RSS of a run of a 270 MB image (set BIG=0 to skip: it
#     assembles a 270 MB file into $BUILD once).
# Needs cmake, clang, lld (as the build does) and qemu-aarch64 (Debian
# qemu-user; without it the qemu columns say n/a). Peak RSS needs GNU time
# (/usr/bin/time, Debian package time).
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
RUNS=${RUNS:-5}
BIG=${BIG:-1}
NPROC=$(nproc 2>/dev/null || echo 2)
QEMU=${QEMU:-$(command -v qemu-aarch64 || command -v qemu-aarch64-static || true)}
GNU_TIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    GNU_TIME=/usr/bin/time
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "building in $BUILD ..." >&2
targets="sim hyp-v56_elf guest-hello_elf bench-ws-guest_elf"
for w in empty alu mem branch; do
    targets="$targets bench_${w}_elf bench_${w}-linux_elf"
done
[ "$BIG" = 0 ] || targets="$targets bench_big_elf"
# shellcheck disable=SC2086
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
       cmake --build "$BUILD" -j "$NPROC" --target $targets; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "run.sh: the build failed" >&2
    exit 1
fi

SIM=$BUILD/sim
BENCH=$BUILD/tools/bench
HYP=$BUILD/testdata/hyp/hyp-v56.elf
HELLO=$BUILD/testdata/guests/guest-hello.elf

# ns: the wall time of one run of the command (output discarded); a
# failing command stops the script.
ns() {
    t0=$(date +%s%N)
    if ! "$@" >/dev/null 2>&1; then
        echo "run.sh: failed: $*" >&2
        exit 1
    fi
    t1=$(date +%s%N)
    echo $((t1 - t0))
}

# median_ns CMD...: the median wall time of $RUNS runs.
median_ns() {
    i=0
    : >"$log"
    while [ $i -lt "$RUNS" ]; do
        ns "$@" >>"$log"
        i=$((i + 1))
    done
    sort -n "$log" | sed -n "$(((RUNS + 1) / 2))p"
}

# json_int KEY: the first integer value of "KEY" in the JSON on stdin.
json_int() {
    sed -n "s/.*\"$1\": *\([0-9][0-9]*\).*/\1/p" | head -n 1
}

# mips INSNS NS BASE_NS: instructions per microsecond of the time above the base.
mips() {
    awk -v n="$1" -v t="$2" -v b="$3" 'BEGIN { d = t - b; if (d <= 0) print "n/a"; else printf "%.0f", n * 1000 / d }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }'
}

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "elsim speed, $(date -u +%Y-%m-%d), ${cpu:-unknown CPU}, $NPROC cores; medians of $RUNS runs"
if [ -n "$QEMU" ]; then
    echo "qemu: $("$QEMU" --version | head -n 1)"
fi
echo

sim_base=$(median_ns "$SIM" --elf "$BENCH/bench_empty.elf")
if [ -n "$QEMU" ]; then
    q_base=$(median_ns "$QEMU" "$BENCH/bench_empty-linux.elf")
    qs_base=$(median_ns "$QEMU" -singlestep "$BENCH/bench_empty-linux.elf")
fi

row() {
    printf '| %-8s | %12s | %10s | %9s | %21s | %10s | %22s |\n' "$@"
}
row workload instructions "elsim MIPS" "qemu MIPS" "qemu -singlestep MIPS" "elsim/qemu" "elsim/qemu -singlestep"
echo '|----------|-------------:|-----------:|----------:|----------------------:|-----------:|-----------------------:|'
alu_vs_q=n/a
alu_vs_qs=n/a
for w in alu mem branch; do
    insns=$("$SIM" --elf "$BENCH/bench_$w.elf" --json | json_int insns)
    t=$(median_ns "$SIM" --elf "$BENCH/bench_$w.elf")
    e=$(mips "$insns" "$t" "$sim_base")
    q=n/a
    qs=n/a
    if [ -n "$QEMU" ]; then
        t=$(median_ns "$QEMU" "$BENCH/bench_$w-linux.elf")
        q=$(mips "$insns" "$t" "$q_base")
        t=$(median_ns "$QEMU" -singlestep "$BENCH/bench_$w-linux.elf")
        qs=$(mips "$insns" "$t" "$qs_base")
    fi
    rq=$(ratio "$e" "$q")
    rqs=$(ratio "$e" "$qs")
    if [ $w = alu ]; then
        alu_vs_q=$rq
        alu_vs_qs=$rqs
    fi
    row "$w" "$insns" "$e" "$q" "$qs" "$rq" "$rqs"
done
echo

# World switches: every HVC of the guest is an exit through the hyp to the
# harness and an entry back (the JSON's `entries` counts the round trips).
entries=$("$SIM" --elf "$HYP" --guest "$BENCH/bench-ws-guest.elf" --json | json_int entries)
t=$(median_ns "$SIM" --elf "$HYP" --guest "$BENCH/bench-ws-guest.elf")
ws_rate=$(awk -v n="$entries" -v t="$t" 'BEGIN { printf "%.0f", n * 1e9 / t }')
rss=n/a
if [ -n "$GNU_TIME" ]; then
    rss=$("$GNU_TIME" -f %M "$SIM" --elf "$HYP" --guest "$BENCH/bench-ws-guest.elf" 2>&1 >/dev/null | tail -n 1)
    rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f MB", k / 1024 }')
fi
printf 'world switch: %s round trips (guest HVC, v5.6 hyp, back) in %.0f ms: %s round trips/s; peak RSS %s\n' \
    "$entries" "$(awk -v t="$t" 'BEGIN { print t / 1e6 }')" "$ws_rate" "$rss"

# The same through the real hyp of Debian 12's Linux 6.1 vmlinux (a 270 MB
# file with DWARF), when tools/fetch-kernel.sh has put it in the cache or
# $KERNEL names one.
if [ -z "${KERNEL:-}" ]; then
    KERNEL=
    for k in "${XDG_CACHE_HOME:-$HOME/.cache}"/elsim/kernels/usr/lib/debug/boot/vmlinux-6.1.0-*-cloud-arm64; do
        [ -f "$k" ] && KERNEL=$k
    done
fi
if [ -n "$KERNEL" ] && [ -f "$KERNEL" ]; then
    entries=$("$SIM" --elf "$KERNEL" --guest "$BENCH/bench-ws-guest.elf" --json 2>/dev/null | json_int entries)
    t=$(median_ns "$SIM" --elf "$KERNEL" --guest "$BENCH/bench-ws-guest.elf")
    rss=n/a
    if [ -n "$GNU_TIME" ]; then
        rss=$("$GNU_TIME" -f %M "$SIM" --elf "$KERNEL" --guest "$BENCH/bench-ws-guest.elf" 2>&1 >/dev/null | tail -n 1)
        rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f MB", k / 1024 }')
    fi
    printf 'world switch, Linux 6.1 vmlinux (%.0f MB): %s round trips in %.0f ms (loading included): %s round trips/s; peak RSS %s\n' \
        "$(awk -v s="$(wc -c <"$KERNEL")" 'BEGIN { print s / 1048576 }')" "$entries" \
        "$(awk -v t="$t" 'BEGIN { print t / 1e6 }')" "$(awk -v n="$entries" -v t="$t" 'BEGIN { printf "%.0f", n * 1e9 / t }')" "$rss"
fi

# The sweep: 1,000 points from __guest_exit on (its 86 instructions, then
# addresses the run never reaches: those run all the way with the injection
# armed, the costlier case), each run from the snapshot to the end.
sweep="sweep --elf $HYP --guest $HELLO --inject serror --from __guest_exit --to __guest_exit+4000"
# shellcheck disable=SC2086
points=$("$SIM" $sweep --jobs 1 | sed -n 's/^summary (\([0-9]*\) runs.*/\1/p')
for j in 1 "$NPROC"; do
    # shellcheck disable=SC2086
    t=$(median_ns "$SIM" $sweep --jobs "$j")
    printf 'sweep: %s points from __guest_exit (hyp-v56, guest-hello), --jobs %s: %.0f ms, %s points/s\n' \
        "$points" "$j" "$(awk -v t="$t" 'BEGIN { print t / 1e6 }')" \
        "$(awk -v n="$points" -v t="$t" 'BEGIN { printf "%.0f", n * 1e9 / t }')"
    [ "$NPROC" -gt 1 ] || break
done

if [ "$BIG" != 0 ]; then
    size=$(wc -c <"$BENCH/bench_big.elf")
    rss=n/a
    if [ -n "$GNU_TIME" ]; then
        rss=$("$GNU_TIME" -f %M "$SIM" --elf "$BENCH/bench_big.elf" 2>&1 >/dev/null | tail -n 1)
        rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f MB", k / 1024 }')
    fi
    printf 'memory: a %.0f MB image (one word read, one written): peak RSS %s\n' \
        "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')" "$rss"
fi

echo
echo "targets (ALU workload): elsim/qemu -singlestep $alu_vs_qs (>= 2), elsim/qemu $alu_vs_q (>= 0.25);" \
    "world switches $ws_rate/s (hundreds of thousands); 1,000-point sweep under 1 s"
