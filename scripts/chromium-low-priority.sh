#!/bin/sh
# Debian's Chromium at a low CPU priority, for the annual report's PDFs: the web server, at normal
# priority, keeps answering pages while reports are rendered (see bench/reports.ts).
# playwright starts the browser in a session of its own, and Linux schedules each session as one
# group (autogroup), where a process's nice value only counts against its own group: so the group's
# nice value is lowered too, when the kernel has autogroups. Lowering needs no privilege.
if [ -w /proc/self/autogroup ]; then echo 15 > /proc/self/autogroup 2>/dev/null || true; fi
exec nice -n 15 /usr/bin/chromium "$@"
