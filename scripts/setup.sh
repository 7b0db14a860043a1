#!/usr/bin/env bash
# Installs what form4 needs to build and test, from Debian's packages (Debian
# 12, or newer where Boost has no versioned package). Does nothing when all of
# it is already there.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(g++ cmake make pkg-config python3 file binutils libgtest-dev libgmock-dev
          libarchive-dev zlib1g-dev libsqlite3-dev abigail-tools libbenchmark-dev libpugixml-dev
          clang-14 libclang-rt-14-dev
          # the Python package's wheel, venv and frames
          python3-venv python3-setuptools python3-wheel python3-pandas
          # the stylesheets' pages and the converters' text (rendering tests, fuzz seeds)
          xsltproc lynx w3m python3-html2text chromium chromium-driver python3-selenium)
installed() {
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || return 1; done
}
if installed "${packages[@]}" &&
   { installed libboost1.81-dev libboost-json1.81-dev || installed libboost-dev libboost-json-dev; }; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Debian 12 has Boost.JSON only as 1.81; newer releases have unversioned packages.
if apt-cache show libboost-json1.81-dev >/dev/null 2>&1; then
  packages+=(libboost1.81-dev libboost-json1.81-dev)
else
  packages+=(libboost-dev libboost-json-dev)
fi
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
