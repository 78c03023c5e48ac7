#!/usr/bin/env bash
# Runs the whole test suite: unit tests, Pax Exam and process tests on the real assemblies, browser tests in
# headless Chromium, the browser code's own tests under Node.js and a run on PostgreSQL. Installs the Debian
# packages they need when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installation des paquets nécessaires aux tests : ${missing[*]}…"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

mvn -B -ntp install "$@"
