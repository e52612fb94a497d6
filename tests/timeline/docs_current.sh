#!/bin/sh
# tests/timeline/docs_current.sh SRC BUILD WORK: the pictures committed in
# SRC/docs are what tools/timeline-doc.sh makes from BUILD now (a change to
# the timing model, a hyp or the drawing must regenerate them).
set -eu
src=$1
build=$2
work=$3
rm -rf "$work"
sh "$src/tools/timeline-doc.sh" "$build" "$work" >/dev/null
fails=0
for f in timeline.svg sweep.svg; do
    if ! cmp -s "$src/docs/$f" "$work/$f"; then
        echo "docs/$f is stale: run tools/timeline-doc.sh $build and commit docs/$f" >&2
        fails=$((fails + 1))
    fi
done
[ "$fails" -eq 0 ] && echo "docs/timeline.svg and docs/sweep.svg are current"
exit "$fails"
