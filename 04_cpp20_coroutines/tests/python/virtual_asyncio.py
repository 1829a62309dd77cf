#!/usr/bin/env python3
"""Runs a Python asyncio program on virtual time and prints its lines as the course's log does.

    python3 virtual_asyncio.py PROGRAM.py [ARGS...]

The event loop's selector advances a virtual clock by its timeout instead of sleeping, so a
program that sleeps for minutes finishes at once and prints the same times on every run.
time.perf_counter() reads the same clock, so the programs' own "took 5.00 seconds" are virtual
too. Each printed line gets the "[  1.000s] " stamp of chapter 04's log; blank lines stay blank.
The chapter's tests pin the C++ sections to what this prints (see README.md beside this file).
"""
import asyncio
import builtins
import runpy
import selectors
import sys
import time


class VirtualClock:
    now = 0.0


class VirtualSelector(selectors.SelectSelector):
    """Looks at the sockets without waiting; if none is ready, a select() with a timeout just
    moves the clock on (a server and its client on one loop run on virtual time, as in aio)."""

    def select(self, timeout=None):
        ready = super().select(0)
        if ready:
            return ready
        if timeout is None:
            raise RuntimeError("virtual time: the loop would wait forever with no timer set")
        VirtualClock.now += max(timeout, 0.0)
        return []


class VirtualEventLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(VirtualSelector())

    def time(self):
        return VirtualClock.now


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualEventLoop()


def stamped_print(*args, sep=" ", end="\n", **kwargs):
    text = sep.join(str(arg) for arg in args)
    for code in ("\033[0m", "\033[36m", "\033[91m", "\033[35m"):  # the originals' colours
        text = text.replace(code, "")
    real_print(f"[{VirtualClock.now:7.3f}s] {text}" if text else "", end=end, **kwargs)


real_print = builtins.print


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: virtual_asyncio.py PROGRAM.py [ARGS...]")
    asyncio.set_event_loop_policy(VirtualPolicy())
    time.perf_counter = lambda: VirtualClock.now
    builtins.print = stamped_print
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")


main()
