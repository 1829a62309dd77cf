#!/usr/bin/env python3
"""Real Python's asyncq.py, run on a virtual-time asyncio loop: the twin of section "asyncq".

The program is the original; the lines marked CHANGED make a seed fix every line it prints:
  * the items come from a second random.Random(seed) (getrandbits(40) as 10 hex digits)
    instead of os.urandom(5), which no seed fixes;
  * time.perf_counter() is the loop's virtual clock, and --seed sets random.seed.
The loop is stock asyncio but for two things: its selector moves the clock to the earliest
timer instead of sleeping until it, and timers with equal deadlines fire in the order they were
set (SequencedTimerHandle says why). Usage: asyncq.py [-p N] [-c N] [--seed N]
"""
import asyncio
import heapq
import itertools as it
import random
import selectors
import time


class VirtualClock:
    now = 0.0


class VirtualSelector(selectors.DefaultSelector):
    """Instead of sleeping until the earliest timer, moves the clock there."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("the loop would wait forever: nothing is scheduled")
        if timeout > 0:
            VirtualClock.now = max(VirtualClock.now, self.loop._scheduled[0]._when)
        return []


class SequencedTimerHandle(asyncio.TimerHandle):
    """A timer that breaks deadline ties by the order the timers were set.

    On a real clock two sleeps of 4 s never end at the same instant: the one set first ends
    first. A virtual clock makes them tie exactly, and heapq would then pop them in an order
    that depends on the heap's shape. Breaking ties by arrival keeps the real clock's order
    (and is aio's rule, in chapter 04's README)."""

    __slots__ = ("_sequence",)

    def __lt__(self, other):
        return (self._when, self._sequence) < (other._when, other._sequence)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._sequence = it.count()

    def time(self):
        return VirtualClock.now

    def call_at(self, when, callback, *args, context=None):  # base_events.call_at, sequenced
        self._check_closed()
        timer = SequencedTimerHandle(when, callback, args, self, context)
        timer._sequence = next(self._sequence)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


items = random.Random()  # CHANGED: seeded in __main__, replaces os.urandom


async def makeitem(size: int = 5) -> str:
    return f"{items.getrandbits(8 * size):0{2 * size}x}"  # CHANGED: was os.urandom(size).hex()


async def randsleep(caller=None) -> None:
    i = random.randint(0, 10)
    if caller:
        print(f"{caller} sleeping for {i} seconds.")
    await asyncio.sleep(i)


async def produce(name: int, q: asyncio.Queue) -> None:
    n = random.randint(0, 10)
    for _ in it.repeat(None, n):  # Synchronous loop for each single producer
        await randsleep(caller=f"Producer {name}")
        i = await makeitem()
        t = time.perf_counter()
        await q.put((i, t))
        print(f"Producer {name} added <{i}> to queue.")


async def consume(name: int, q: asyncio.Queue) -> None:
    while True:
        await randsleep(caller=f"Consumer {name}")
        i, t = await q.get()
        now = time.perf_counter()
        print(f"Consumer {name} got element <{i}>" f" in {now-t:0.5f} seconds.")
        q.task_done()


async def main(nprod: int, ncon: int):
    q = asyncio.Queue()
    producers = [asyncio.create_task(produce(n, q)) for n in range(nprod)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
    await asyncio.gather(*producers)
    await q.join()  # Implicitly awaits consumers, too
    for c in consumers:
        c.cancel()


if __name__ == "__main__":
    import argparse

    random.seed(444)
    parser = argparse.ArgumentParser()
    parser.add_argument("-p", "--nprod", type=int, default=5)
    parser.add_argument("-c", "--ncon", type=int, default=10)
    parser.add_argument("--seed", type=int, default=444)  # CHANGED: added
    ns = parser.parse_args()
    random.seed(ns.seed)  # CHANGED: added
    items.seed(ns.seed)  # CHANGED: added
    time.perf_counter = lambda: VirtualClock.now  # CHANGED: the story's clock is the loop's
    start = time.perf_counter()
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:  # CHANGED: was asyncio.run(main(...))
        runner.run(main(ns.nprod, ns.ncon))
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.5f} seconds.")
