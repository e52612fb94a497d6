#!/bin/sh
# tests/gdb/session.sh: run `sim ... --gdb 0` and a debugger client against
# it, then check the client's verdict, sim's exit status and its summary.
#
#   session.sh STATUS REGEX gdb SCRIPT.gdb -- SIM ARGS...
#   session.sh STATUS REGEX wire CLIENT SCENARIO -- SIM ARGS...
#
# gdb: SCRIPT runs in `$GDB -batch` after tests/gdb/expect.py ($EXPECT_PY),
# with @PORT@ and @BUILD@ (the build folder, $BUILD) substituted; it must
# end with expect-done and no check may fail. wire: CLIENT PORT SCENARIO
# must exit 0. REGEX (or -) must match sim's stdout; STATUS is its exit.
set -u
status=$1 regex=$2 kind=$3
shift 3
if [ "$kind" = gdb ]; then
  script=$1; shift
else
  client=$1 scenario=$2; shift 2
fi
[ "$1" = "--" ] || { echo "session.sh: expected -- before the sim command" >&2; exit 2; }
shift
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$@" --gdb 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=
i=0
while [ $i -lt 100 ] && [ -z "$port" ]; do
  port=$(sed -n 's/^sim: gdb: listening on 127\.0\.0\.1:\([0-9][0-9]*\);.*/\1/p' "$tmp/err")
  [ -n "$port" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$port" ]; then
  echo "FAIL: sim did not say where it listens"; cat "$tmp/err"; exit 1
fi

verdict=0
if [ "$kind" = gdb ]; then
  sed "s|@PORT@|$port|g; s|@BUILD@|$BUILD|g" "$script" >"$tmp/script.gdb"
  timeout 60 "$GDB" -batch -nx -x "$EXPECT_PY" -x "$tmp/script.gdb" >"$tmp/client" 2>&1
  cat "$tmp/client"
  grep -q '^expect-done: [1-9][0-9]* checks, 0 failed' "$tmp/client" || verdict=1
  grep -q '^FAIL' "$tmp/client" && verdict=1
else
  timeout 60 "$client" "$port" "$scenario" >"$tmp/client" 2>&1 || verdict=1
  cat "$tmp/client"
fi

# sim finishes on its own once the debugger detached, killed or saw the end
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: sim still running after the session"; exit 1
fi
wait "$pid"
st=$?
pid=
echo "--- sim stdout:"; cat "$tmp/out"
echo "--- sim stderr:"; cat "$tmp/err"
if [ "$st" != "$status" ]; then
  echo "FAIL: sim exit status $st, expected $status"; verdict=1
fi
if [ "$regex" != - ] && ! grep -Eq "$regex" "$tmp/out"; then
  echo "FAIL: sim's output does not match /$regex/"; verdict=1
fi
[ $verdict = 0 ] && echo "session: PASS"
exit $verdict
