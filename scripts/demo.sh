#!/usr/bin/env bash
# The main job in one command: install what is missing, build, then parse the
# user's sample Form 4 (a 2003 filing rendered to text) and print it, as the
# familiar form and as the complete JSON model. Another file may be given.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-../shared/corpus/text/000_8ddcd668f7a6b10e.txt}
bash scripts/setup.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target form4_command >/dev/null
form4="$build/examples/form4/form4"
echo "== $sample, read and rendered back as the form"
"$form4" render "$sample"
echo
echo "== the same document as JSON (form4 parse)"
"$form4" parse "$sample"
