#!/usr/bin/env bash
# The server the browser tests run against: the production build's standalone server (as the
# Dockerfile runs it) on a fresh embedded database, with the development SMS sender and the OpenAI
# engine pointed at a local stand-in (so there is text). Paths are absolute: server.js runs from
# .next/standalone.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
openai_port=$((port + 99))
export NEXT_TELEMETRY_DISABLED=1
export DATA_DIR="$PWD/.data/e2e"
export PGLITE_DIR="$DATA_DIR/pglite"
export UPLOAD_DIR="$DATA_DIR/uploads"
export AUTH_SECRET=e2e-secret-e2e-secret-e2e-secret-0123456789
export ALLOW_DEV_SMS=true
# Every test sends its own X-Forwarded-For (tests/e2e/support/fixtures.ts), so per-IP limits count per
# test; otherwise the whole suite would be one client at 127.0.0.1.
export TRUST_PROXY=true
export ADMIN_PHONES=+998990000001,+998990000002
export CORS_ORIGINS=http://client.example
export TRANSCRIPTION_ENGINE=openai
export OPENAI_API_KEY=sk-e2e
export OPENAI_BASE_URL="http://127.0.0.1:${openai_port}/v1"
unset DATABASE_URL
rm -rf .data/e2e

npx tsx tests/support/fake-openai-cli.ts "$openai_port" ../shared/audio/jfk.txt 1500 &
fake_openai=$!
trap 'kill "$fake_openai" 2>/dev/null || true' EXIT

npm run --silent build
HOSTNAME=127.0.0.1 PORT="$port" node .next/standalone/server.js
