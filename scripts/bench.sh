#!/usr/bin/env bash
# Builds the benchmarks in Release and prints throughput and ratios against
# the baselines measured in the same run (pugixml's DOM parse for XML).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DFORM4_BUILD_EXAMPLES=ON -DFORM4_BUILD_CAPI=ON >/dev/null
# The command and the C library too: scripts/bench_bulk.py and bench_python.py time those.
cmake --build "$build" -j"$(nproc)" --target form4_bench form4_command form4_c >/dev/null
"$build/tests/form4_bench" --benchmark_repetitions="${REPETITIONS:-5}" --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$build/bench.json" --benchmark_out_format=json >/dev/null
python3 - "$build/bench.json" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
def rate(name, key):
    b = runs.get(name)
    return b.get(key) if b and not b.get("error_occurred") else None
print(f"{'benchmark':28} {'MB/s':>10} {'docs/s':>10} {'allocs/doc':>11}")
for name, b in runs.items():
    mb = (b.get("bytes_per_second") or 0) / 1e6
    print(f"{name:28} {mb:10.1f} {b.get('items_per_second', 0):10.0f} {b.get('allocs_per_doc', 0):11.1f}")
xml, dom = rate("BM_XmlToModel", "bytes_per_second"), rate("BM_PugixmlDom", "bytes_per_second")
if xml and dom:
    print(f"\nXML to full model vs pugixml DOM parse (same bytes, CPU time): {xml / dom:.2f}x")
PY
