#!/bin/sh
# Debian's Chromium at a low CPU priority, for the annual report's PDFs: the web server, at normal
# priority, keeps answering pages while reports are rendered (see bench/reports.ts).
# playwright starts the browser in a session of its own, and Linux schedules each session as one
# group (autogroup), where a process's nice value only counts against its own group: so the group's
# nice value is lowered too, when the kernel has autogroups. Lowering needs no privilege.
# SUUNTA_CHROMIUM_NICE sets the value (default 15; 0 runs Chromium at normal priority, as the test
# suite does: its own test processes keep every core busy, and a low-priority Chromium would starve).
NICE="${SUUNTA_CHROMIUM_NICE:-15}"
case "$NICE" in *[!0-9]*|'') NICE=15 ;; esac
if [ "$NICE" -gt 19 ]; then NICE=19; fi
if [ -w /proc/self/autogroup ]; then echo "$NICE" > /proc/self/autogroup 2>/dev/null || true; fi
exec nice -n "$NICE" /usr/bin/chromium "$@"
