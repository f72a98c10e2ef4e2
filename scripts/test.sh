#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-system-packages.sh
echo "== lint" && npm run --silent lint
echo "== typecheck" && npm run --silent typecheck
echo "== unit + integration (database: $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo PGlite))" && npx vitest run
echo "== end-to-end" && npx playwright test
# The container image's files copied into an empty folder, and SIGTERM during uploads: on the build
# the browser tests just made (scripts/e2e-server.sh), so nothing is built twice.
echo "== copied bundle and graceful shutdown" && npx vitest run --config vitest.bundle.config.mts
