#!/bin/sh
# npm's pretest: makes sure Debian's Chromium is at /usr/bin/chromium for the browser test (test/e2e/browser.test.ts).
# Installs it with apt-get when missing and running as root (as on CI, once per machine); otherwise says how to get it.
# Set CLAIMCHECK_SKIP_BROWSER=1 to skip the browser test instead.
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ] || [ -n "${CLAIMCHECK_SKIP_BROWSER:-}" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's chromium for the browser test (once per machine)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  echo "pretest: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
else
  echo "pretest: $CHROMIUM is missing and cannot be installed here (needs root and apt-get)." >&2
  echo "pretest: install Debian's chromium package, or set CLAIMCHECK_SKIP_BROWSER=1 to skip the browser test." >&2
fi
