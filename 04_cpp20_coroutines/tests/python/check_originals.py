#!/usr/bin/env python3
"""Diffs the sections makerandom, chain, racing, settled, downloads and subprocess with the Python
programs they port.

    python3 check_originals.py PATH/TO/04_cpp20_coroutines

Each Python program runs on a virtual-time asyncio loop (virtual_asyncio.py), except those in
REAL_TIME, whose children sleep for real; the C++ section runs with --virtual. Their lines must be equal, stamps included; only the C++ section's "== "
header line is left out. Exit status 1 and a diff when they are not.
"""
import difflib
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

# (seed, Python program and its arguments, the C++ section and its arguments)
CASES = [
    ("444", ["rand.py"], ["makerandom"]),
    ("7", ["rand.py"], ["makerandom"]),
    ("18446744073709551615", ["rand.py"], ["makerandom"]),
    ("444", ["chained.py"], ["chain"]),
    ("444", ["chained.py", "9", "6", "3"], ["chain", "9", "6", "3"]),
    ("4294967296", ["chained.py", "3", "2", "1"], ["chain", "3", "2", "1"]),
    ("444", ["racing.py"], ["racing"]),
    ("444", ["settled.py"], ["settled"]),
    ("444", ["downloads.py"], ["downloads"]),
    ("444", ["subprocesses.py"], ["subprocess"]),
]
# Run by plain asyncio: the section runs on real time too, even with --virtual.
REAL_TIME = {"subprocesses.py"}
# Not every seed and argument list agrees: when two timers share a deadline, aio fires them in the
# order they were set, while asyncio's heapq may fire either first (SEED=4294967296 chained.py
# 5 4 3 2 1 ends part2(5) before part2(2), both due at 9 s). In real time such ties hardly happen.


def run(command, seed):
    env = dict(os.environ, SEED=seed, NO_COLOR="1")
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.splitlines()


def main():
    binary = sys.argv[1]
    failed = 0
    for seed, program, section in CASES:
        loop = [] if program[0] in REAL_TIME else [str(HERE / "virtual_asyncio.py")]
        python = run([sys.executable, *loop, str(HERE / program[0]), *program[1:]], seed)
        cpp = run([binary, "--virtual", "--seed", seed, *section], seed)
        cpp = [line for line in cpp if not line.startswith("== ")]
        label = f"--seed {seed} {' '.join(section)}"
        if python != cpp:
            failed += 1
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(python, cpp, " ".join(program), label))
        else:
            print(f"same lines ({len(cpp)}): {' '.join(program)} and {label}")
    sys.exit(1 if failed else 0)


main()
