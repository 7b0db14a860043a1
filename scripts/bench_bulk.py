#!/usr/bin/env python3
"""Bulk conversion on 1 core against 2 (or --threads N cores).

    python3 scripts/bench_bulk.py [--form4 PATH] [--corpus DIR] [--copies N] [--repeat N] [--threads N]

Runs `form4 tables --lenient --threads T --out DIR -` over every corpus XML
and submission file, listed --copies times on standard input (the corpus is
small; the copies make each run long enough to time), pinned with taskset to
1 core and to T cores (the reader thread runs beside the parsers, so a thread
count alone would not say how many cores did the work). The 1-core and T-core
runs alternate, so that load from other work on the machine falls on both
alike; each figure is the best of --repeat runs, shown with the CPU time (user
+ system) that run took, and the speed-up is that of the best runs. Standard
library only.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form4", default=str(ROOT / "build" / "examples" / "form4" / "form4"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--copies", type=int, default=100)  # runs of a second or more: shorter ones scatter
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    corpus = pathlib.Path(args.corpus)
    files = sorted(str(p) for p in corpus.glob("xml/**/*.xml")) + sorted(str(p) for p in corpus.glob("submission/*"))
    listing = ("\n".join(files) + "\n") * args.copies
    print(f"{len(files)} files x {args.copies} copies; best of {args.repeat}; {args.form4}")

    def run_once(threads: int) -> tuple[float, float]:
        """Wall-clock and CPU seconds of one run."""
        cores = ",".join(str(core) for core in range(threads))
        with tempfile.TemporaryDirectory() as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run = subprocess.run(["taskset", "-c", cores, args.form4, "tables", "--lenient", "--threads",
                                  str(threads), "--out", out, "-"], input=listing, text=True, capture_output=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run.returncode not in (0, 1):  # 1: some input failed (the corpus's damaged file is read leniently)
                sys.exit(f"form4 tables failed ({run.returncode}): {run.stderr[-2000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu

    best = {1: (float("inf"), 0.0), args.threads: (float("inf"), 0.0)}
    for _ in range(args.repeat):
        for threads in best:
            best[threads] = min(best[threads], run_once(threads))
    documents = len(files) * args.copies
    for threads, (wall, cpu) in best.items():
        label = "1 core " if threads == 1 else f"{threads} cores"
        print(f"{label}: {wall:7.3f} s  {documents / wall:9.0f} documents/s  (cpu {cpu:.3f} s)")
    print(f"speed-up on {args.threads} cores: {best[1][0] / best[args.threads][0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
