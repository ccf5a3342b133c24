#!/usr/bin/env bash
# Make sure a Chromium the browser tests can drive exists: Debian's package, never a download of its own.
set -eu
CHROMIUM="${TUMEN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
install_cmd="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sh -c "$install_cmd" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "Installing Debian's chromium (sudo) for the browser tests..."
  sudo sh -c "$install_cmd" >/dev/null
else
  echo "The browser tests need Chromium at $CHROMIUM. Install it with:" >&2
  echo "  sudo apt-get install -y chromium" >&2
  echo "(or set TUMEN_CHROMIUM to another Chromium binary)" >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "chromium was installed but $CHROMIUM is missing" >&2; exit 1; }
