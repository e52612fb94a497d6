#!/bin/sh
# tools/fetch-kernel.sh: fetch Debian 12's arm64 cloud kernel with debug info
# and unpack only its vmlinux into a cache outside the source tree; prints the
# vmlinux path. Idempotent: a vmlinux already unpacked is reused as it is.
#
# The kernel is never committed: it is a 270 MB download that apt fetches
# (with its own arm64 package lists, so the host's lists are left alone).
set -eu
pkg=${ELSIM_KERNEL_PACKAGE:-linux-image-6.1.0-*-cloud-arm64-dbg}
cache=${ELSIM_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/elsim/kernels}
mkdir -p "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/deb"

say() { echo "fetch-kernel: $*" >&2; }
die() {
    say "ERROR: $*"
    say "ERROR: the real-kernel scenarios cannot run without the kernel"
    exit 1
}

# Already unpacked: the newest vmlinux in the cache.
found=$(ls -1 "$cache"/usr/lib/debug/boot/vmlinux-6.1.0-*-cloud-arm64 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$found" ] && [ -s "$found" ]; then
    echo "$found"
    exit 0
fi

apt_opts="-q -oAPT::Architecture=arm64 -oAPT::Architectures=arm64
 -oDir::State::Lists=$cache/apt/lists -oDir::Cache=$cache/apt
 -oDir::State::status=/dev/null -oDebug::NoLocking=1 -oAPT::Sandbox::User=root"
say "updating arm64 package lists in $cache/apt"
# shellcheck disable=SC2086
apt-get $apt_opts update >&2 || die "apt-get update failed (no network or no Debian mirror?)"

# The glob names the version family; pick the newest package apt knows.
name=$(apt-cache $apt_opts pkgnames linux-image-6.1.0- 2>/dev/null |
    grep -E "^$(echo "$pkg" | sed 's/\*/[0-9]+/')\$" | sort -V | tail -n 1 || true)
[ -n "$name" ] || die "no package matching '$pkg' in the arm64 lists"
say "downloading $name (about 270 MB unpacked)"
start=$(date +%s)
# shellcheck disable=SC2086
(cd "$cache/deb" && apt-get $apt_opts download "$name" >&2) || die "apt-get download $name failed"
deb=$(ls -1t "$cache"/deb/"$name"_*.deb | head -n 1)
say "downloaded $(du -h "$deb" | cut -f1) in $(($(date +%s) - start)) s: $deb"

# Only the vmlinux: the rest of the package (modules' debug info) is not needed.
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$cache" --wildcards './usr/lib/debug/boot/vmlinux-*' ||
    die "cannot unpack vmlinux from $deb"
found=$(ls -1 "$cache"/usr/lib/debug/boot/vmlinux-* | sort -V | tail -n 1)
[ -s "$found" ] || die "no vmlinux in $deb"
say "unpacked $found ($(du -h "$found" | cut -f1))"
rm -f "$deb" # the vmlinux is all that is kept
echo "$found"
