#!/usr/bin/env bash
# Installs what form4 needs to build and test on Debian 12 (or newer).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
boost="libboost1.81-dev libboost-json1.81-dev"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if ! apt-cache show libboost1.81-dev >/dev/null 2>&1; then boost="libboost-dev libboost-json-dev"; fi
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends \
  g++ cmake make pkg-config python3 file binutils $boost libgtest-dev libgmock-dev \
  libarchive-dev abigail-tools libbenchmark-dev libpugixml-dev clang-14 libclang-rt-14-dev >/dev/null
