#!/usr/bin/env bash
# Runs axe-core (WCAG 2.0–2.2 A/AA rules) over the main staff pages, at 375 px and 1280 px, as each demo role.
# Needs Debian's chromium (apt-get install chromium) and Node.js; installs playwright-core and axe-core locally.
set -euo pipefail
cd "$(dirname "$0")"
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
[ -d node_modules/axe-core ] || npm install --no-save --silent playwright-core@1.65.1 axe-core@4.14.1 >/dev/null
node axe-check.js "${1:-http://localhost:8080}"
