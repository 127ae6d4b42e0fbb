#!/usr/bin/env bash
# Makes sure cfn-lint (AWS's CloudFormation linter) is on PATH for the template test; safe to run again and again,
# non-interactive (CI runs it as root). Order: already installed (the machine image ships cfn-lint via pip) ->
# Debian's `cfn-lint` package when this Debian release has one -> pip, if the Python index is reachable.
# Exit 0 = cfn-lint usable; exit 3 = not obtainable here (the test then reports the lint as skipped and still
# runs its structural checks of the template).
set -uo pipefail

if command -v cfn-lint >/dev/null 2>&1 && cfn-lint --version >/dev/null 2>&1; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  candidate="$(apt-cache policy cfn-lint 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if [ -z "$candidate" ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    candidate="$(apt-cache policy cfn-lint 2>/dev/null | awk '/Candidate:/ {print $2}')"
  fi
  if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
    apt-get install -y -qq cfn-lint >/dev/null 2>&1 && command -v cfn-lint >/dev/null 2>&1 && exit 0
  fi
fi

if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check cfn-lint >/dev/null 2>&1 \
    && command -v cfn-lint >/dev/null 2>&1 && exit 0
fi

echo "ensure-cfn-lint: cfn-lint is not installed and could not be installed (no Debian package for this release," \
  "no reachable Python index). Install it with 'apt-get install cfn-lint' (Debian 13+) or 'pip install cfn-lint'." >&2
exit 3
