#!/usr/bin/env bash
# Installs Debian's Chromium for the download-page browser test when it is missing, so `npm ci && npm test`
# works on a fresh machine with nothing done by hand. A no-op (exit 0, no network) when it is already there.
# Runs non-interactively; needs root (as in CI) or passwordless sudo. CHROMIUM_PATH overrides /usr/bin/chromium.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: $chromium is missing and installing it needs root (fix: run 'sudo apt-get install -y chromium' once, or run the tests as root)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $chromium is missing and this is not a Debian-like system with apt-get (fix: install Chromium and set CHROMIUM_PATH to it)" >&2
  exit 1
fi

# One install at a time when several test files start at once; the others wait, then find it installed.
exec 9>"${TMPDIR:-/tmp}/upper-back-ensure-chromium.lock"
flock 9
if [ -x "$chromium" ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing Debian's chromium (one time, a few minutes)..." >&2
# Lock::Timeout waits for a concurrent apt/dpkg run instead of failing at once.
${as_root[@]+"${as_root[@]}"} apt-get -o DPkg::Lock::Timeout=600 update -q
${as_root[@]+"${as_root[@]}"} apt-get -o DPkg::Lock::Timeout=600 install -y -q chromium

if [ ! -x "$chromium" ]; then
  echo "ensure-chromium: apt-get finished but $chromium is still missing (fix: check the apt output above)" >&2
  exit 1
fi
echo "ensure-chromium: $("$chromium" --version 2>/dev/null || echo chromium) ready" >&2
