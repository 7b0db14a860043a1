#!/usr/bin/env bash
# Installs what form4 needs to build and test, from Debian's packages (Debian
# 12, or newer where Boost has no versioned package). Does nothing when all of
# it is already there.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(g++ cmake make pkg-config python3 file binutils libgtest-dev libgmock-dev
          libarchive-dev abigail-tools libbenchmark-dev libpugixml-dev clang-14 libclang-rt-14-dev)
if apt-cache show libboost1.81-dev >/dev/null 2>&1 || dpkg -s libboost1.81-dev >/dev/null 2>&1; then
  packages+=(libboost1.81-dev libboost-json1.81-dev)
else
  packages+=(libboost-dev libboost-json-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The Boost choice above may only be decidable after the update.
if ! apt-cache show libboost1.81-dev >/dev/null 2>&1; then
  missing=("${missing[@]/libboost1.81-dev/libboost-dev}")
  missing=("${missing[@]/libboost-json1.81-dev/libboost-json-dev}")
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
