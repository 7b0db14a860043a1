#!/usr/bin/env bash
# Fills a seed corpus directory for one fuzz target from the shared corpus.
#   fuzz/seed-corpus.sh TARGET OUT_DIR [SHARED_DIR]
# TARGET is xml, text, html, submission or capi. The C ABI target detects the
# format itself, so it gets a sample of every kind of input.
# The text and HTML targets also get renderings of every corpus XML file: the
# form4 command's `render` text (FORM4_COMMAND, default: a built form4 under
# build*/), the SEC stylesheets' HTML pages (xsltproc, spec/xsl), and those
# pages as lynx and w3m turn them into text (each where installed). Without
# a form4 command the text target fails: its seeds would silently be 3 files.
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
add_seed() {  # a file, or - for standard input
  local tmp
  tmp=$(mktemp)
  cat "$1" > "$tmp"
  if [ -s "$tmp" ]; then
    hash=$(sha1sum "$tmp" | cut -c1-40)
    [ -e "$out/$hash" ] && rm -f "$tmp" || mv "$tmp" "$out/$hash"
  else
    rm -f "$tmp"
  fi
}
for file in "${sources[@]}"; do
  [ -f "$file" ] && add_seed "$file"
done

# The stylesheets include State_Codes.xsl, which the SEC does not publish:
# a copy of them with the stub in its place (see corpus/README.md).
sheets=$(mktemp -d)
trap 'rm -rf "$sheets"' EXIT
cp "$shared"/spec/xsl/*.xsl "$sheets"/ 2>/dev/null || true
[ -f "$sheets/State_Codes.stub.xsl" ] && cp "$sheets/State_Codes.stub.xsl" "$sheets/State_Codes.xsl"

# The stylesheet for a document: its form (3, 4, 5; /A the same) and the newest version of that form's sheet.
stylesheet_for() {
  local form
  form=$(sed -n 's:.*<documentType>[[:space:]]*\([345]\).*:\1:p' "$1" | head -1)
  [ -n "$form" ] && ls "$sheets"/"${form}"_X*.xsl 2>/dev/null | sort | tail -1
}

if [ "$target" = text ] || [ "$target" = html ]; then
  command=${FORM4_COMMAND:-}
  if [ -z "$command" ]; then
    for candidate in "$(dirname "$0")"/../build*/examples/form4/form4; do
      [ -x "$candidate" ] && { command=$candidate; break; }
    done
  fi
  if [ "$target" = text ] && [ -z "$command" ]; then
    echo "seed-corpus.sh: the text seeds need the form4 command: build form4_command or set FORM4_COMMAND" >&2
    exit 2
  fi
  for xml in "$corpus"/xml/form4/*.xml "$corpus"/xml/form3-5/*.xml; do
    if [ "$target" = text ]; then "$command" render "$xml" 2>/dev/null | add_seed - || true; fi
    sheet=$(stylesheet_for "$xml") || true
    [ -n "$sheet" ] && command -v xsltproc >/dev/null || continue
    page=$(mktemp)
    if xsltproc --novalid "$sheet" "$xml" > "$page" 2>/dev/null; then
      if [ "$target" = html ]; then
        add_seed "$page"
      else
        if command -v lynx >/dev/null; then lynx -dump -nolist -width=200 "$page" 2>/dev/null | add_seed - || true; fi
        if command -v w3m >/dev/null; then w3m -dump -T text/html -cols 200 "$page" 2>/dev/null | add_seed - || true; fi
      fi
    fi
    rm -f "$page"
  done
fi
echo "seed-corpus.sh: $(ls "$out" | wc -l) seeds for $target in $out"
