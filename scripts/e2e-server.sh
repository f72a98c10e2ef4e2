#!/usr/bin/env bash
# The server the browser tests run against: a production build on a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
export NEXT_TELEMETRY_DISABLED=1
export DATA_DIR=.data/e2e
export PGLITE_DIR=.data/e2e/pglite
export UPLOAD_DIR=.data/e2e/uploads
export AUTH_SECRET=e2e-secret-e2e-secret-e2e-secret-0123456789
export ALLOW_DEV_SMS=true
export ADMIN_PHONES=+998990000001
unset DATABASE_URL
rm -rf .data/e2e
npx next build
exec npx next start -H 127.0.0.1 -p "$port"
