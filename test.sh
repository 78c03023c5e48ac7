#!/usr/bin/env bash
# Runs the whole test suite: unit tests, Pax Exam and process tests on the real assemblies, and browser tests in
# headless Chromium. Installs Debian's chromium and chromium-driver first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Installation de chromium et chromium-driver (tests dans le navigateur)…"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
fi

mvn -B -ntp install "$@"
