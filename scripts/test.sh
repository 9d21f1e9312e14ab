#!/usr/bin/env bash
# `make test`: system packages, virtualenv, then every test (unit, AppTest, PostgreSQL, headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/setup.sh
export BROWSER_PATH=${BROWSER_PATH:-/usr/bin/chromium}
exec .venv/bin/python -m pytest "$@"
