"""Ten timers on one deadline, on a frozen clock: the order asyncio fires them in.

asyncio's TimerHandle compares deadlines only, and heapq is not stable, so ties come out in
heap order, not in the order they were set (aio fires them first set, first fired: part 2,
section 4). Run: python3 timer_ties.py
"""
import asyncio


class FrozenClockLoop(asyncio.SelectorEventLoop):
    """A loop whose clock stands still until the script moves it."""

    now = 0.0

    def time(self):
        return self.now


def main():
    loop = FrozenClockLoop()
    fired = []
    for index in range(10):
        loop.call_at(1.0, fired.append, index)
    loop.now = 2.0
    loop.call_at(2.0, loop.stop)
    loop.run_forever()
    loop.close()
    print("set in the order 0..9, all due at 1.0; fired:", ", ".join(map(str, fired)))


if __name__ == "__main__":
    main()
