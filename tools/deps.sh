#!/bin/sh
# tools/deps.sh: install the Debian 12 packages elsim needs, if missing.
# Needs root (or sudo) only when something is missing.
set -eu
PKGS="build-essential cmake pkg-config clang lld libelf-dev libdw-dev libcapstone-dev \
libcmocka-dev liblua5.4-dev libjansson-dev qemu-user groff-base libxml2-utils gdb-multiarch"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "tools/deps.sh: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "tools/deps.sh: need root to install:$missing" >&2; exit 2; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
