#!/usr/bin/env bash
# The local GridLink: builds the functions and the H5 app, then runs the local cloud that
# serves both (demo data loaded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund
npm run --silent build:functions
npm run --silent build:h5
exec npx tsx scripts/localcloud/main.ts "$@"
