#!/usr/bin/env bash
# Renders every corpus XML with each of the SEC's stylesheets that fits its form
# (shared/spec/xsl: 3_X06/3_X07 for Form 3, 4_X06..4_X09 for Form 4, 5_X06..5_X09
# for Form 5), then turns each page into text as the common converters do:
#   OUT/<sheet>/<name>.html      xsltproc
#   OUT/<sheet>/<name>.lynx      lynx -dump -nolist -nonumbers -width=1024
#   OUT/<sheet>/<name>.w3m       w3m -dump -cols 1024
#   OUT/<sheet>/<name>.md        python3-html2text (body_width 0: no wrapping)
#   OUT/<sheet>/<name>.browser   document.body.innerText in headless chromium, for a
#                                fixed sample (every BROWSER_EVERY-th page in name order)
# Every page is rendered; the text converters run on a fixed sample to keep the
# test's time bounded: every Form 3 and 5, and every FORM4_EVERY-th Form 4 XML in
# name order (1: all).
# Usage: render-corpus.sh SHARED_DIR OUT [FORM4_EVERY [BROWSER_EVERY]]  (BROWSER_EVERY 0: no browser)
# Nothing is cached: OUT is emptied first. Pages are made two at a time.
set -euo pipefail
shared=$1
out=$2
form4_every=${3:-3}
browser_every=${4:-8}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out/xsl"
cp "$shared"/spec/xsl/*.xsl "$out/xsl/"
cp "$out/xsl/State_Codes.stub.xsl" "$out/xsl/State_Codes.xsl"

# The XMLs of each form, by their <documentType> (3, 3/A, 4, 4/A, 5, 5/A).
for form in 3 4 5; do : >"$out/form$form.list"; done
for xml in "$shared"/corpus/xml/form4/*.xml "$shared"/corpus/xml/form3-5/*.xml; do
  type=$(grep -o -m1 '<documentType>[^<]*' "$xml" | sed 's/<documentType>[[:space:]]*//' | cut -c1) || true
  case "$type" in 3|4|5) echo "$xml" >>"$out/form$type.list" ;; esac
done

sheets_of() {
  case $1 in 3) echo 3_X06 3_X07 ;; 4) echo 4_X06 4_X07 4_X08 4_X09 ;; 5) echo 5_X06 5_X07 5_X08 5_X09 ;; esac
}

# Each page: xsltproc, then lynx and w3m; one process each, two pages at a time.
for form in 3 4 5; do
  for sheet in $(sheets_of $form); do
    mkdir -p "$out/$sheet"
    every=1
    [ $form = 4 ] && every=$form4_every
    awk -v sheet="$sheet" -v n="$every" '{ print sheet, $0, ((NR - 1) % n == 0) ? "text" : "html" }' "$out/form$form.list"
  done
done >"$out/jobs.list"
render_page() {   # SHEET XML text|html
  local page
  page="$out/$1/$(basename "${2%.xml}").html"
  xsltproc --nonet "$out/xsl/$1.xsl" "$2" >"$page" 2>>"$out/$1/xsltproc.log" || { rm -f "$page"; return 0; }
  [ "$3" = text ] || return 0
  echo "$page" >>"$out/$1/text.list"
  lynx -dump -nolist -nonumbers -width=1024 -force_html -display_charset=utf-8 "$page" >"${page%.html}.lynx" 2>/dev/null || true
  w3m -dump -T text/html -cols 1024 -O UTF-8 "$page" >"${page%.html}.w3m" 2>/dev/null || true
}
export -f render_page
export out
xargs -P 2 -n 48 bash -c 'while [ $# -gt 0 ]; do render_page "$1" "$2" "$3"; shift 3; done' _ <"$out/jobs.list"
cat "$out"/*/text.list | sort >"$out/pages.list"

# html2text in one process for every page of the sample.
/usr/bin/python3 - "$out/pages.list" <<'EOF'
import sys, html2text
for path in open(sys.argv[1]).read().split():
    h = html2text.HTML2Text()
    h.body_width = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        text = h.handle(f.read())
    with open(path[:-5] + ".md", "w", encoding="utf-8") as f:
        f.write(text)
EOF

# The browser's copy: one headless chromium for the whole sample.
if [ "$browser_every" -gt 0 ] && command -v chromedriver >/dev/null 2>&1; then
  awk -v n="$browser_every" '(NR - 1) % n == 0' "$out/pages.list" >"$out/browser.list"
  /usr/bin/python3 "$here/browser-copy.py" "$out/browser.list"
fi
