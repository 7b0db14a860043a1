#!/usr/bin/env python3
"""Bulk conversion on 1 core against 2 (or --threads N cores).

    python3 scripts/bench_bulk.py [--form4 PATH] [--corpus DIR] [--copies N] [--repeat N] [--threads N]

Runs `form4 tables --lenient --threads T --out DIR -` over every corpus XML
and submission file, listed --copies times on standard input (the corpus is
small; the copies make each run long enough to time), pinned with taskset to
1 core and then to T cores (the reader and writer threads run beside the
parsers, so a thread count alone would not say how many cores did the work),
best of --repeat runs each, and prints the speed-up. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form4", default=str(ROOT / "build" / "examples" / "form4" / "form4"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    corpus = pathlib.Path(args.corpus)
    files = sorted(str(p) for p in corpus.glob("xml/**/*.xml")) + sorted(str(p) for p in corpus.glob("submission/*"))
    listing = ("\n".join(files) + "\n") * args.copies
    print(f"{len(files)} files x {args.copies} copies; best of {args.repeat}; {args.form4}")

    def seconds(threads: int) -> float:
        best = float("inf")
        cores = ",".join(str(core) for core in range(threads))
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as out:
                start = time.perf_counter()
                run = subprocess.run(["taskset", "-c", cores, args.form4, "tables", "--lenient", "--threads",
                                      str(threads), "--out", out, "-"], input=listing, text=True, capture_output=True)
                best = min(best, time.perf_counter() - start)
                if run.returncode not in (0, 1):  # 1: some input failed (the corpus's damaged file is read leniently)
                    sys.exit(f"form4 tables failed ({run.returncode}): {run.stderr[-2000:]}")
        return best

    one = seconds(1)
    many = seconds(args.threads)
    documents = len(files) * args.copies
    print(f"1 core : {one:7.3f} s  {documents / one:9.0f} documents/s")
    print(f"{args.threads} cores: {many:7.3f} s  {documents / many:9.0f} documents/s")
    print(f"speed-up on {args.threads} cores: {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
