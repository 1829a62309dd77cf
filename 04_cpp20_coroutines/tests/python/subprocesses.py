"""The section `subprocess` in Python's asyncio (python3 3.11): a child's lines read while a
heartbeat ticks, a child killed after wait_for, then communicate(): input in, both outputs
back, stderr into stdout, and a child that writes more than a pipe holds before it reads.

    python3 subprocesses.py

Real time, like the C++ section: the children sleep for real. check_originals.py diffs its lines
with the section's.
"""
import asyncio
import os
from asyncio.subprocess import DEVNULL, PIPE, STDOUT


async def heartbeat(progress):
    while True:
        await asyncio.sleep(0.05)
        if progress["seen"] < progress["read"]:
            progress["seen"] = progress["read"]
            print("    heartbeat: tick (the loop runs while readline() waits for the child)")


async def read_lines():
    script = 'for i in 1 2 3; do echo "line $i"; sleep 0.2; done'
    print(f"create_subprocess_exec(\"/bin/sh\", \"-c\", '{script}', stdout=PIPE)")
    process = await asyncio.create_subprocess_exec("/bin/sh", "-c", script, stdout=PIPE)
    progress = {"read": 0, "seen": 0}
    ticking = asyncio.create_task(heartbeat(progress))
    while True:
        line = await process.stdout.readline()
        if not line:
            break
        progress["read"] += 1
        print(f"  read: '{line[:-1].decode()}'")
    print('  read: "" (EOF: the child closed its stdout)')
    ticking.cancel()
    try:
        await ticking
    except asyncio.CancelledError:
        pass
    code = await process.wait()
    print(f"  await wait() -> returncode {code}")


async def kill_a_sleeper():
    print('create_subprocess_exec("sleep", "1000"): a child that never ends')
    process = await asyncio.create_subprocess_exec("sleep", "1000", stdout=DEVNULL)
    try:
        await asyncio.wait_for(process.wait(), 0.5)
    except TimeoutError as error:
        print(f"  await wait_for(wait(), 0.5) -> {type(error).__name__}: the deadline passed")
    print(f"  returncode: {'set' if process.returncode is not None else 'none yet'}"
          " (the timeout cancelled the wait, not the child)")
    process.kill()
    code = await process.wait()
    print(f"  kill(); await wait() -> returncode {code} (SIGKILL is signal 9)")


async def upper_case():
    script = "tr a-z A-Z; echo done >&2; exit 3"
    print(f"create_subprocess_exec(\"/bin/sh\", \"-c\", '{script}', stdin=PIPE, stdout=PIPE, stderr=PIPE)")
    process = await asyncio.create_subprocess_exec("/bin/sh", "-c", script, stdin=PIPE, stdout=PIPE, stderr=PIPE)
    data = b"hello\nworld\n"
    output = await process.communicate(data)
    print(f"  await communicate({data!r}) -> {output!r}")
    print(f"  returncode {process.returncode}")


async def stderr_into_stdout():
    script = "echo out; echo err >&2"
    print(f"create_subprocess_exec(\"/bin/sh\", \"-c\", '{script}', stdout=PIPE, stderr=STDOUT)")
    process = await asyncio.create_subprocess_exec("/bin/sh", "-c", script, stdout=PIPE, stderr=STDOUT)
    output = await process.communicate()
    print(f"  await communicate() -> {output!r}")


async def more_than_a_pipe_holds():
    script = "head -c 1000000 /dev/zero | tr '\\0' x; wc -c"
    print(f"create_subprocess_exec(\"/bin/sh\", \"-c\", \"{script}\", stdin=PIPE, stdout=PIPE)")
    print("  it writes 1000000 bytes before it reads its input; a pipe holds 65536 (Linux's default)")
    process = await asyncio.create_subprocess_exec("/bin/sh", "-c", script, stdin=PIPE, stdout=PIPE)
    out, _ = await process.communicate(b"i" * 1_000_000)
    xs = len(out) - len(out.lstrip(b"x"))
    print(f"  await communicate(1000000 bytes) -> stdout: {len(out)} bytes, {xs} times 'x' then {out[xs:]!r}")
    print(f"  returncode {process.returncode}")


async def main():
    await read_lines()
    await kill_a_sleeper()
    await upper_case()
    await stderr_into_stdout()
    await more_than_a_pipe_holds()


print("(real time, even with --virtual: the children sleep for real)")
asyncio.run(main())
try:
    os.waitpid(-1, os.WNOHANG)
    print("children left, running or zombie: SOME")
except ChildProcessError:
    print("children left, running or zombie: none (waitpid(-1, WNOHANG): ECHILD)")
