#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the concurrency tests under ThreadSanitizer, each in its own build
# directory (FORM4_SANITIZE=address,undefined and FORM4_SANITIZE=thread).
# Any report fails the run: -fno-sanitize-recover=all, halt_on_error.
#
# Environment:
#   FORM4_SANITIZE_BUILD_DIR  prefix of the build directories (default build-sanitize:
#                             build-sanitize-asan, build-sanitize-tsan)
#   FORM4_SANITIZE_ONLY       "asan" or "tsan" to run one half
#   FORM4_SHARED_DIR          the shared folder with corpus/ (default ../shared)
#   CC / CXX                  the compiler (default: clang-14 for the ASan half, the system's
#                             gcc for the TSan half). With clang the ASan build is instrumented
#                             for libFuzzer as well (fuzzer-no-link) and builds the fuzz
#                             targets, which scripts/ci-fuzz.sh then runs from it
#                             (FORM4_FUZZ_BUILD_DIR=build-sanitize-asan): one library build
#                             for both stages instead of two.
# Time on 2 idle cores, clean clone (measured 2026-12-03 at 6f509d7): 17.9 min
# for both halves, the fuzz targets included; the ASan suite (1,325 tests) 4.0
# min, Python under ASan 26 s; the rest is mostly building (the clang ASan
# build about 1,150 CPU-s, of which the library 450 and the tests 530 before
# their shared precompiled header). The tests' own code is -O0: a test file
# compiles in half the time or less than at -O1. Rebuilds are incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

prefix=${FORM4_SANITIZE_BUILD_DIR:-build-sanitize}
only=${FORM4_SANITIZE_ONLY:-}
shared_dir=${FORM4_SHARED_DIR:-$(cd "$source_dir/.." && pwd)/shared}
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))
failures=()  # both halves always run; the script fails at the end if either did

configure() {  # build_dir sanitizers [more cmake arguments]
  # -O1: the sanitizers' own advice (fast enough to run, faithful stacks).
  # The tests' own code at -O0: under ASan a test file compiles in less than
  # half the time (test_xml_rules.cpp 55 s -> 23 s), and the library they
  # exercise keeps -O1.
  # -g1: line tables, all a report's stack needs; full debug information of
  # the Spirit grammars made up much of the build and link time.
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCMAKE_C_FLAGS_DEBUG="-O1 -g1" \
    -DFORM4_TESTS_OPTIMIZE=-O0 -DFORM4_SANITIZE="$2" -DFORM4_BUILD_TESTS=ON -DFORM4_BUILD_EXAMPLES=ON -DFORM4_SHARED_DIR="$shared_dir" "${@:3}" >/dev/null
}

if [ "$only" != "tsan" ]; then
  asan_dir="$prefix-asan"
  # With the XML scanners' portable byte loops: the plain build (scripts/test.sh)
  # runs the SSE2 ones, and nothing else would run these.
  # No benchmarks: their figures mean nothing here, and form4_bulk_memory's
  # peak-RSS bound does not hold under ASan's shadow memory.
  asan_cc=${CC:-clang-14} asan_cxx=${CXX:-clang++-14}
  if "$asan_cxx" --version | grep -q clang; then
    asan_sanitizers=address,undefined,fuzzer-no-link asan_fuzz=ON asan_runtime=libclang_rt.asan-x86_64.so
  else
    asan_sanitizers=address,undefined asan_fuzz=OFF asan_runtime=libasan.so
  fi
  configure "$asan_dir" "$asan_sanitizers" -DCMAKE_C_COMPILER="$asan_cc" -DCMAKE_CXX_COMPILER="$asan_cxx" \
    -DFORM4_FUZZ="$asan_fuzz" -DFORM4_NO_SIMD=ON -DFORM4_BUILD_BENCHMARKS=OFF
  cmake --build "$asan_dir" -j"$jobs"
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  # Everything whose code is all built here. Tests that load libform4_c into
  # a program built elsewhere (Python; the installed-tree C consumer) need
  # the sanitizer runtime first in that process, see below; the installed-tree
  # C++ consumer links the instrumented archive without the sanitizer flags
  # (the plain build runs it). Nor the ABI check: abidiff needs the types
  # that -g1 leaves out (the plain RelWithDebInfo build runs it). Nor the
  # renderings of the whole sample (90 s alone, most of it in the converters):
  # the fuzz stage runs lynx and w3m renderings of every corpus XML under ASan
  # as the text target's seeds, and the pages that once missed run here.
  ctest --test-dir "$asan_dir" --output-on-failure -j"$jobs" \
    -E 'python|capi\.install_and_consume|install\.cpp_find_package|capi\.abi_compatible_with_baseline|Renderings\.EveryStylesheet' ||
    failures+=("address,undefined")
  # Python with the ASan runtime preloaded; CPython's own allocations at exit
  # are not ours, so leaks are not checked in that process. Not the wheel's
  # install into a fresh venv: packaging, which the plain build tests.
  if ctest --test-dir "$asan_dir" -N -R python | grep 'Total Tests: [1-9]' >/dev/null; then
    runtime=$("$asan_cxx" -print-file-name="$asan_runtime")
    # libstdc++ too: ASan's __cxa_throw interceptor needs the real one loaded
    # before the library (python itself does not link libstdc++).
    cxx_runtime=$("$asan_cxx" -print-file-name=libstdc++.so)
    LD_PRELOAD="$runtime $cxx_runtime" ASAN_OPTIONS="detect_leaks=0" \
      ctest --test-dir "$asan_dir" --output-on-failure -R python -E install_wheel || failures+=("address,undefined (python)")
  fi
  unset ASAN_OPTIONS UBSAN_OPTIONS
fi

if [ "$only" != "asan" ]; then
  tsan_dir="$prefix-tsan"
  configure "$tsan_dir" thread
  # Only the programs that run threads: the library's concurrency tests and the C ABI's.
  tsan_targets=(form4_tests_threads)
  if cmake --build "$tsan_dir" --target help | grep form4_tests_capi >/dev/null; then tsan_targets+=(form4_tests_capi); fi
  cmake --build "$tsan_dir" -j"$jobs" --target "${tsan_targets[@]}"
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
    ctest --test-dir "$tsan_dir" --output-on-failure --no-tests=error -j"$jobs" -R '^(Threads|CapiThreads)\.' ||
    failures+=("thread")
fi
if [ "${#failures[@]}" -ne 0 ]; then
  echo "ci-sanitize: failed under: ${failures[*]}" >&2
  exit 1
fi
echo "ci-sanitize: all tests pass under the sanitizers"
