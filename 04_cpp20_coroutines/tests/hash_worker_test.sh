#!/bin/sh
# The worker mode of section `processes`: each job answered with its hash (FNV-1a of "abc", once
# and twice, as Python computes it); a bad job header, data cut short, or an argument refused
# with one line on stderr and exit status 2.
#     sh hash_worker_test.sh PATH/TO/04_cpp20_coroutines
set -eu
binary=$1
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

hashes=$(printf '1 3\nabc2 3\nabc' | "$binary" --hash-worker | tr '\n' ' ')
test "$hashes" = "16654208175385433931 12449675876669594517 " || { echo "hashes: '$hashes'"; exit 1; }

refused() {  # the worker, given its stdin, must exit 2 with one line on stderr
    status=0
    "$binary" --hash-worker "$@" 2>"$errors" || status=$?
    lines=$(wc -l <"$errors")
    if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ]; then
        echo "--hash-worker $*: exit $status, $lines lines on stderr (want 2 and 1)"
        exit 1
    fi
}
echo 'x 3' | refused
printf '1 10\nabc' | refused
printf '1 99999999999\n' | refused
refused extra </dev/null
echo "ok"
