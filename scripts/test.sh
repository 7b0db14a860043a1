#!/usr/bin/env bash
# The one command that runs every test: installs what is missing (Debian),
# builds everything with warnings as errors, and runs ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build=${BUILD_DIR:-build}
# -g1: line tables for a failing test's stack; full debug information of the Spirit
# grammars costs a third of the build's time (the C library keeps it for the ABI check).
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORM4_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
