"""The four workloads of 04_bench, in CPython's asyncio, so the two loops can be compared.

    python3 asyncio_bench.py [--json] [--sleepers N]

yield_ns          ns per asyncio.sleep(0) round trip, 1'000 tasks x 1'000 yields
task_ns           create, run and await a trivial task, per task (second round)
task_cold_ns      the same, first round
sleepers_extra_s  N tasks sleeping 1 s each (default 100'000): wall time beyond the 1 s
bytes_per_task    peak RSS growth of that run / N
timer_ns          push + pop of one timer (heapq, as the loop does) with 1'000'000 pending
"""

import asyncio
import heapq
import json
import random
import resource
import sys
import time


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def current_rss_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


async def yielder(times):
    for _ in range(times):
        await asyncio.sleep(0)


async def yields(tasks, times):
    start = time.perf_counter()
    await asyncio.gather(*(yielder(times) for _ in range(tasks)))
    return (time.perf_counter() - start) / (tasks * times) * 1e9


async def trivial():
    return 1


async def task_round(count):
    start = time.perf_counter()
    total = 0
    for _ in range(count):
        total += await asyncio.create_task(trivial())
    assert total == count
    return (time.perf_counter() - start) / count * 1e9


async def sleeper():
    await asyncio.sleep(1)


async def sleepers(count):
    before = current_rss_bytes()
    start = time.perf_counter()
    tasks = [asyncio.create_task(sleeper()) for _ in range(count)]
    for task in tasks:
        await task
    extra = time.perf_counter() - start - 1.0
    return extra, max(peak_rss_bytes() - before, 0) / count


def timers(pending, rounds):
    rng = random.Random(1)
    heap = [(rng.random() * 1000.0, i) for i in range(pending)]
    heapq.heapify(heap)
    start = time.perf_counter()
    for i in range(rounds):
        heapq.heappush(heap, (rng.random() * 1000.0, pending + i))
        heapq.heappop(heap)
    return (time.perf_counter() - start) / rounds * 1e9


async def main(sleeper_count):
    result = {}
    result["task_cold_ns"] = await task_round(100_000)
    result["task_ns"] = await task_round(100_000)
    result["yield_ns"] = await yields(1_000, 1_000)
    result["sleepers_extra_s"], result["bytes_per_task"] = await sleepers(sleeper_count)
    result["sleepers"] = sleeper_count
    result["timer_ns"] = timers(1_000_000, 1_000_000)
    return result


if __name__ == "__main__":
    count = 100_000
    if "--sleepers" in sys.argv:
        count = int(sys.argv[sys.argv.index("--sleepers") + 1])
    result = asyncio.run(main(count))
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:18} {value:12.3f}")
