#!/usr/bin/env bash
# Sections sync, threads and async against the originals rebuilt on virtual time (restaurant.py
# here): after renaming the originals' spelling (<Waiter: 1>, [Order: 0], "Wait 7.5 seg..."),
# the story lines of each, from "Received orders" to the last dispatch, must be identical.
#   06_restaurant/tests/python/compare_originals.sh [build/default/bin/06_restaurant]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-build/default/bin/06_restaurant}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
differ=0
for version in sync threads async; do
    # The section's story: without its "== ..." title and the summary lines after the last dispatch.
    "$binary" --virtual "$version" | sed -n '2,$p' | sed '/every order served in/,$d' >"$tmp/story"
    python3 "$here/restaurant.py" "$version" |
        sed -e 's/<Waiter: \([0-9]*\)>/<Waiter \1>/' -e 's/\[Order: \([0-9]*\)\]/[Order \1]/' -e 's/ seg\.\.\.$/ s.../' \
            >"$tmp/original"
    if diff -u --label "original $version" --label "06_restaurant $version" "$tmp/original" "$tmp/story"; then
        echo "$version: all $(wc -l <"$tmp/story") lines are identical"
    else
        differ=$((differ + 1))
    fi
done
((differ == 0))
