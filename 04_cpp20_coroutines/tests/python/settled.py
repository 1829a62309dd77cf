#!/usr/bin/env python3
# The asyncio program that chapter 04's section "settled" ports: gather(..., return_exceptions=True)
# returns every outcome, and a shielded save outlives the wait_for that timed out around it.
import asyncio


async def fetch(what, seconds):
    await asyncio.sleep(seconds)
    if what == "b":
        print(f"  {what}: raises ConnectionError")
        raise ConnectionError(f"{what}: connection reset")
    return what + " data"


def describe(outcome):
    return f"raised '{outcome}'" if isinstance(outcome, BaseException) else f"'{outcome}'"


async def save(seconds):
    await asyncio.sleep(seconds)
    print("  save: written")
    return "saved"


async def main():
    print("await gather(fetch('a', 1 s), fetch('b', 2 s), fetch('c', 3 s), return_exceptions=True)")
    a, b, c = await asyncio.gather(fetch("a", 1), fetch("b", 2), fetch("c", 3), return_exceptions=True)
    print(f"  -> {describe(a)}, {describe(b)}, {describe(c)}: every outcome, nothing thrown")

    print("task = create_task(save(2 s)); await wait_for(shield(task), 1 s)")
    task = asyncio.create_task(save(2))
    try:
        await asyncio.wait_for(asyncio.shield(task), 1)
    except asyncio.TimeoutError:
        print(f"  -> TimeoutError; the shield was cancelled, the save was not (done() = {str(task.done()).lower()})")
    print(f"await task -> '{await task}'")


asyncio.run(main())
