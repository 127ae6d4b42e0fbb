#!/usr/bin/env bash
# ask-cli's custom build hook: `ask deploy` runs hooks/build.sh <zip path> <debug> and uploads the zip it writes.
# We hand it the esbuild bundle (dist/lambda/function.zip) instead of zipping lambda/ sources with node_modules.
set -euo pipefail
# The zip path may be relative to the folder ask-cli runs us in: make it absolute before moving.
out="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
npm run --silent build
cp dist/lambda/function.zip "$out"
