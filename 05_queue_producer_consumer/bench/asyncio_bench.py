"""05_bench's workloads in CPython's asyncio, so the two can be compared.

    python3 asyncio_bench.py [--json]

queue_1p1c_items_per_s    1 producer, 1 consumer, Queue(maxsize=100), 1'000'000 items
queue_10p10c_items_per_s  10 producers, 10 consumers, Queue(maxsize=100), 1'000'000 items
lock_uncontended_ns       async with lock: (nobody else wants it), per acquire + release
lock_contended_ns         10 tasks, each `async with lock: await asyncio.sleep(0)`, per turn

Times are CPU time of this process (time.process_time()): on a shared, loaded machine
wall time measures the neighbours.
"""

import asyncio
import json
import sys
import time


async def produce(queue, count):
    for i in range(count):
        await queue.put(i)


async def consume(queue, count):
    total = 0
    for _ in range(count):
        total += await queue.get()
    return total


async def queue_run(producers, consumers, items):
    queue = asyncio.Queue(maxsize=100)
    start = time.process_time()
    await asyncio.gather(*(produce(queue, items // producers) for _ in range(producers)),
                         *(consume(queue, items // consumers) for _ in range(consumers)))
    return items / (time.process_time() - start)


async def lock_uncontended(rounds):
    lock = asyncio.Lock()
    start = time.process_time()
    for _ in range(rounds):
        async with lock:
            pass
    return (time.process_time() - start) / rounds * 1e9


async def holder(lock, rounds):
    for _ in range(rounds):
        async with lock:
            await asyncio.sleep(0)


async def lock_contended(tasks, rounds):
    lock = asyncio.Lock()
    start = time.process_time()
    await asyncio.gather(*(holder(lock, rounds) for _ in range(tasks)))
    return (time.process_time() - start) / (tasks * rounds) * 1e9


def main():
    results = {
        "queue_1p1c_items_per_s": asyncio.run(queue_run(1, 1, 1_000_000)),
        "queue_10p10c_items_per_s": asyncio.run(queue_run(10, 10, 1_000_000)),
        "lock_uncontended_ns": asyncio.run(lock_uncontended(1_000_000)),
        "lock_contended_ns": asyncio.run(lock_contended(10, 10_000)),
    }
    if "--json" in sys.argv[1:]:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key:28} {value:14.1f}")


if __name__ == "__main__":
    main()
