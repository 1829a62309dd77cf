#!/usr/bin/env python3
"""Prints what CPython's random module draws, as the C++ initialisers py_random_test.cpp stores.

Run with python3 (3.11) and paste the output into py_random_test.cpp when the cases change:
    python3 common/tests/py_random_values.py
"""
import random
import sys

SEEDS = [0, 1, 444, 2**32, 2**64 - 1]


def cases():
    for seed in SEEDS:
        rng = random.Random(seed)
        randoms = [rng.random() for _ in range(5)]
        rng = random.Random(seed)
        bits = [rng.getrandbits(k) for k in (1, 7, 31, 32, 33, 53, 63, 64)]
        rng = random.Random(seed)
        ints = [rng.randint(0, 10) for _ in range(6)] + [rng.randint(-5, 5), rng.randint(1, 2**40)]
        rng = random.Random(seed)
        ranges = [rng.randrange(0, 3), rng.randrange(-2**63, 2**63 - 1), rng.randrange(7, 8)]
        yield seed, randoms, bits, ints, ranges


def main():
    print(f"// python {sys.version.split()[0]}")
    for seed, randoms, bits, ints, ranges in cases():
        print(f"    {{{seed}u,")
        print("     {" + ", ".join(repr(x) for x in randoms) + "},")
        print("     {" + ", ".join(f"{b}u" for b in bits) + "},")
        print("     {" + ", ".join(str(i) for i in ints) + "},")
        print("     {" + ", ".join(str(r) if r != -2**63 else "INT64_MIN" for r in ranges) + "}},")


main()
