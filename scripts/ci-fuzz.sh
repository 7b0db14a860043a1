#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in their own build
# directory and runs each for a bounded time, seeded from the shared corpus
# and with the form's dictionary. Fails when any target crashes, leaks,
# times out on an input or breaks one of the promises fuzz/fuzz_support.hpp
# checks; the input is left in $BUILD_DIR/fuzz-artifacts/<target>/.
#
# Environment:
#   FORM4_FUZZ_SECONDS     time per target (default 45)
#   FORM4_FUZZ_TARGETS     which targets (default: xml text html submission capi)
#   FORM4_FUZZ_BUILD_DIR   build directory (default build-ci-fuzz); one that is instrumented
#                          for fuzzing as a whole (FORM4_SANITIZE with fuzzer-no-link, as
#                          scripts/ci-sanitize.sh builds with clang) is used as it is
#   FORM4_FUZZ_CORPUS_DIR  where the growing corpora live (default $BUILD_DIR/fuzz-corpus);
#                          point it at a kept directory to carry coverage from run to run
#   FORM4_SHARED_DIR       the shared folder with corpus/ (default ../shared)
#   CC / CXX               default clang-14 / clang++-14
# Time on 2 shared cores: the build (about 10 min from scratch on busy
# cores, seconds when up to date or when the sanitizer build is reused) plus
# FORM4_FUZZ_SECONDS per target and a few seconds of seeding each (5 targets
# at 45 s: about 4 min).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

seconds=${FORM4_FUZZ_SECONDS:-45}
targets=${FORM4_FUZZ_TARGETS:-xml text html submission capi}
build_dir=${FORM4_FUZZ_BUILD_DIR:-build-ci-fuzz}
shared_dir=${FORM4_SHARED_DIR:-$(cd "$source_dir/.." && pwd)/shared}
corpus_root=${FORM4_FUZZ_CORPUS_DIR:-$build_dir/fuzz-corpus}
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))
export CC=${CC:-clang-14} CXX=${CXX:-clang++-14}

# fuzz/seed-corpus.sh renders every corpus XML file with the form4 command to
# seed the text target: the one scripts/test.sh built when there is one, else
# built here (the whole library once more, uninstrumented: minutes).
if grep -Eq '^FORM4_SANITIZE:STRING=.*fuzzer-no-link' "$build_dir/CMakeCache.txt" 2>/dev/null; then
  echo "ci-fuzz: the fuzz targets of $build_dir, as it is configured"
else
  # -g1: line tables are all a crash report needs, and full debug information
  # of the grammars was much of the build.
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORM4_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
    -DFORM4_BUILD_TESTS=OFF -DFORM4_BUILD_EXAMPLES=ON -DFORM4_BUILD_CAPI=OFF \
    -DFORM4_SHARED_DIR="$shared_dir" >/dev/null
fi
if [ -z "${FORM4_COMMAND:-}" ] && [ -x build/examples/form4/form4 ]; then
  export FORM4_COMMAND=$source_dir/build/examples/form4/form4
  cmake --build "$build_dir" -j"$jobs" --target form4_fuzz_all
else
  cmake --build "$build_dir" -j"$jobs" --target form4_fuzz_all form4_command
  export FORM4_COMMAND=${FORM4_COMMAND:-$build_dir/examples/form4/form4}
fi

# One dictionary per target: its own, plus the XML one where XML is inside.
dictionary_for() {
  case "$1" in
    xml) cat fuzz/dict/xml.dict ;;
    text) cat fuzz/dict/text.dict ;;
    html) cat fuzz/dict/html.dict fuzz/dict/xml.dict ;;
    submission) cat fuzz/dict/submission.dict fuzz/dict/xml.dict ;;
    capi) cat fuzz/dict/*.dict ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
summary=()
for target in $targets; do
  binary="$build_dir/fuzz/form4_fuzz_$target"
  [ -x "$binary" ] || { echo "ci-fuzz: no target $binary" >&2; failed+=("$target (not built)"); continue; }
  corpus="$corpus_root/$target"
  artifacts="$build_dir/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  fuzz/seed-corpus.sh "$target" "$corpus" "$shared_dir" >/dev/null
  dictionary_for "$target" > "$build_dir/fuzz-$target.dict"
  log="$build_dir/fuzz-$target.log"
  echo "ci-fuzz: $target for ${seconds}s ($(ls "$corpus" | wc -l) inputs in the corpus)"
  status=0
  nice -n 10 "$binary" "$corpus" -dict="$build_dir/fuzz-$target.dict" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  summary+=("$(printf '%-11s runs %-9s %s' "$target" "${runs:-?}" "${coverage:-?}")")
  if [ "$status" -ne 0 ]; then
    echo "ci-fuzz: $target FAILED (exit $status); the input is in $artifacts/" >&2
    grep -a -E -A40 'ERROR: |form4 fuzz|runtime error' "$log" | head -60 >&2 || tail -40 "$log" >&2
    failed+=("$target")
  fi
done

printf 'ci-fuzz: %s\n' "${summary[@]}"
if [ "${#failed[@]}" -ne 0 ]; then
  echo "ci-fuzz: crashes in: ${failed[*]} (add each input to tests/regressions/<target>/)" >&2
  exit 1
fi
echo "ci-fuzz: no crash"
