#!/usr/bin/env bash
# Every test GridLink has: types, both builds, then jest (unit, local-cloud, component, the
# compiled WeChat pages under miniprogram-simulate, and Chromium end-to-end projects).
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/ensure-chromium.sh
npx tsc -p .
npm run --silent build
npm run --silent build:h5
npx jest --ci "$@"
