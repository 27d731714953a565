#!/usr/bin/env bash
# `npm test`: every check and test. Formatting, lint (with the folder boundaries), types, unit tests, integration tests against the real server with real
# sockets, then end-to-end tests in Chromium. Set DATABASE_URL=postgresql://… (and REDIS_URL=redis://…) to run
# them on PostgreSQL (+ Redis).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian's Chromium for the browser tests"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "[test] the browser tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

echo "[test] database: ${DATABASE_URL:-SQLite (a temporary file per server)}${REDIS_URL:+, Redis: $REDIS_URL}"
echo "[test] formatting"
npx prettier --check . --log-level warn
echo "[test] lint"
npx eslint . --max-warnings 0
echo "[test] types"
npx tsc --noEmit
echo "[test] unit"
npx vitest run --project unit
echo "[test] integration"
npx vitest run --project integration
echo "[test] end-to-end"
npx playwright test
