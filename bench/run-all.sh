#!/usr/bin/env bash
# `npm run bench`: every benchmark, bench/*.bench.ts, one after another with its defaults (a new one
# needs no edit here; run one alone, e.g. `npm run bench:upload -- --no-build`, to pass options).
# --conditions=react-server lets a benchmark import app modules guarded by `server-only`, as
# `npm run db:migrate` does. Exits non-zero if any benchmark failed with an error.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for bench in bench/*.bench.ts; do
  echo "== $bench"
  npx tsx --conditions=react-server "$bench" || status=1
done
exit "$status"
