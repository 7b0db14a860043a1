#!/usr/bin/env bash
# Fills a seed corpus directory for one fuzz target from the shared corpus.
#   fuzz/seed-corpus.sh TARGET OUT_DIR [SHARED_DIR]
# TARGET is xml, text, html, submission or capi. The C ABI target detects the
# format itself, so it gets a sample of every kind of input.
# Seeds are named by content hash, so running it twice adds nothing.
set -euo pipefail

target=${1:?usage: seed-corpus.sh TARGET OUT_DIR [SHARED_DIR]}
out=${2:?usage: seed-corpus.sh TARGET OUT_DIR [SHARED_DIR]}
shared=${3:-${FORM4_SHARED_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared}}
corpus="$shared/corpus"
[ -d "$corpus" ] || { echo "seed-corpus.sh: no corpus at $corpus" >&2; exit 2; }

case "$target" in
  xml)        sources=("$corpus"/xml/form4/*.xml "$corpus"/xml/form3-5/*.xml) ;;
  text)       sources=("$corpus"/text/*) ;;
  html)       sources=("$corpus"/html/*) ;;
  # With the SEC's filer-side samples (<edgarSubmission>, base64 documents inside).
  submission) sources=("$corpus"/submission/* "$shared"/spec/xsd/sec-samples/filing*.xml) ;;
  # Every kind, but only every eighth XML file: the XML target covers the rest.
  capi)       mapfile -t sample < <(ls "$corpus"/xml/form4/*.xml | awk 'NR % 8 == 1')
              sources=("${sample[@]}" "$corpus"/xml/form3-5/*.xml "$corpus"/text/* "$corpus"/html/*
                       "$corpus"/submission/*) ;;
  *) echo "seed-corpus.sh: unknown target '$target'" >&2; exit 2 ;;
esac

mkdir -p "$out"
for file in "${sources[@]}"; do
  [ -f "$file" ] || continue
  hash=$(sha1sum "$file" | cut -c1-40)
  [ -e "$out/$hash" ] || cp "$file" "$out/$hash"
done
echo "seed-corpus.sh: $(ls "$out" | wc -l) seeds for $target in $out"
