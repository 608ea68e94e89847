#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests and the report's PDF (they never
# download a browser), and poppler-utils (pdfinfo, pdftotext) for the tests that read PDFs back.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian ${missing[*]} for the browser and PDF tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
status=0
if [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "The browser tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
  status=1
fi
if [[ " ${missing[*]} " == *" poppler-utils "* ]]; then
  if [ -n "${CI:-}" ]; then
    echo "CI is set but pdfinfo/pdftotext are missing: the PDF tests need 'apt-get install -y poppler-utils'." >&2
    status=1
  else
    echo "Warning: pdfinfo/pdftotext are missing, so the PDF tests will be skipped: run 'sudo apt-get install -y poppler-utils'." >&2
  fi
fi
exit "$status"
