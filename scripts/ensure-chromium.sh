#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download cannot work on these machines).
set -eu
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The end-to-end tests need Chromium at $chromium: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
