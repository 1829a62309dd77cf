#!/usr/bin/env bash
# Section "asyncq" against Real Python's asyncq.py on a virtual-time asyncio loop (asyncq.py
# here): the same lines, in the same order, for many -p/-c/--seed. Prints each difference.
#   05_queue_producer_consumer/tests/compare_asyncq.sh [build/default/bin/05_queue_producer_consumer]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-build/default/bin/05_queue_producer_consumer}
runs=0
differ=0
for seed in 444 1 2 3 7 42; do
    for p in 0 1 2 5 10 20; do
        for c in 1 2 3 10 25; do
            runs=$((runs + 1))
            if ! diff <("$binary" asyncq --virtual -p "$p" -c "$c" --seed "$seed" | sed -n 's/^\[[^]]*\] //p') \
                <(python3 "$here/asyncq.py" -p "$p" -c "$c" --seed "$seed") >/dev/null; then
                echo "differs: -p $p -c $c --seed $seed"
                differ=$((differ + 1))
            fi
        done
    done
done
echo "$((runs - differ)) of $runs runs print the same lines as asyncq.py"
((differ == 0))
