#!/usr/bin/env bash
# A Release build of form4 with GCC's profile-guided optimisation: an
# instrumented build first converts the filings given (any form4 reads:
# files, folders, archives), then everything is rebuilt with the profile that
# run wrote. Parsing gets faster by about a sixth (README, Performance).
#
#   scripts/build-pgo.sh FILINGS... [-- CMAKE_ARGUMENTS...]
#
# Environment: BUILD_DIR (default build-pgo). The profile is kept in
# $BUILD_DIR/pgo-profile; GCC only (clang's profiles work differently).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-pgo}
training=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do training+=("$(realpath "$1")"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#training[@]} -eq 0 ]; then
  echo "usage: scripts/build-pgo.sh FILINGS... [-- CMAKE_ARGUMENTS...]" >&2
  exit 2
fi
profile=$(realpath -m "$build/pgo-profile")
rm -rf "$profile"
common=(-DCMAKE_BUILD_TYPE=Release -DFORM4_BUILD_EXAMPLES=ON "$@")

# 1. Instrumented: every parse counts its branches and calls into $profile.
cmake -S . -B "$build" "${common[@]}" \
  -DCMAKE_CXX_FLAGS="-fprofile-generate -fprofile-update=atomic -fprofile-dir=$profile" >/dev/null
cmake --build "$build" -j"$(nproc)" --target form4_command
tables=$(mktemp -d)
trap 'rm -rf "$tables"' EXIT
# Lenient, so that damaged filings train the repair paths too; failures are fine.
"$build/examples/form4/form4" tables --lenient --out "$tables" --errors "$tables/errors.txt" "${training[@]}" || true

# 2. Optimised with the profile. Code the training did not reach (other
# programs, the C ABI's own wrappers) is built as usual.
cmake -S . -B "$build" "${common[@]}" \
  -DCMAKE_CXX_FLAGS="-fprofile-use -fprofile-dir=$profile -fprofile-partial-training -Wno-missing-profile" >/dev/null
cmake --build "$build" -j"$(nproc)"
echo "build-pgo: $build built with the profile of ${#training[@]} input(s)"
