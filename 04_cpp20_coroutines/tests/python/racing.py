#!/usr/bin/env python3
# The asyncio program that chapter 04's section "racing" ports: three mirrors are asked at once;
# as_completed gives their answers in finishing order, wait(FIRST_COMPLETED) the first one, and
# wait(timeout=...) what is done by a deadline. Nothing is cancelled but by the caller.
import asyncio


async def ask(mirror, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {mirror}: cancelled")
        raise
    return mirror


def ask_all():
    return [asyncio.create_task(ask("eu", 3)), asyncio.create_task(ask("us", 1)), asyncio.create_task(ask("asia", 2))]


def names(mirrors, done, pending):
    finished = [task.result() for task in mirrors if task in done]  # sets, listed in the order given
    return f"done [{', '.join(finished)}], {len(pending)} pending"


async def main():
    print("three mirrors, asked at once: eu answers in 3 s, us in 1 s, asia in 2 s")
    print("for coro in as_completed(mirrors): await coro")
    for coro in asyncio.as_completed(ask_all()):
        mirror = await coro
        print(f"  {mirror} answered")

    print("done, pending = await wait(mirrors, return_when=FIRST_COMPLETED)")
    mirrors = ask_all()
    done, pending = await asyncio.wait(mirrors, return_when=asyncio.FIRST_COMPLETED)
    print(f"  {names(mirrors, done, pending)}: wait cancels nothing, the caller does")
    for task in mirrors:
        if task in pending:
            task.cancel()
    await asyncio.wait(pending)

    print("done, pending = await wait(mirrors, timeout=1.5)")
    mirrors = ask_all()
    in_time, late = await asyncio.wait(mirrors, timeout=1.5)
    print(f"  {names(mirrors, in_time, late)}: still running, the caller may wait on")
    await asyncio.wait(late)
    print("  every mirror has answered")


asyncio.run(main())
