#!/usr/bin/env bash
# Makes the statistics facts seeded on first start (content/facts/statistics/*.json) with Suunta's
# own import (`suunta import statistics --facts-out`), against a throw-away database:
#  - 08-velk-13kt.json: household debt (Statistics Finland table 13kt) from the real json-stat2
#    response in ../shared/data/pxweb/statfin/statfin-velk-jsonstat2-en.json (saved by StatisticsFinland/PxGraf);
#  - 08-kymenlaakso-tanaan-2022.json: the population figures of "Kymenlaakso tänään" (2022 update)
#    as the domain notes record them (scripts/domain-figures-jsonstat.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
OUT=content/facts/statistics
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
export SUUNTA_DATA_DIR="$TMP" SUUNTA_SEED_PROJECTS=0
node bin/suunta.js import statistics "$SHARED/data/pxweb/statfin/statfin-velk-jsonstat2-en.json" \
  --region 08 --facts-out "$OUT/08-velk-13kt.json"
node --import tsx scripts/domain-figures-jsonstat.ts "$SHARED/domain/kymenlaakso-2022-2025.yaml" > "$TMP/kymenlaakso-tanaan-2022.json"
node bin/suunta.js import statistics "$TMP/kymenlaakso-tanaan-2022.json" --region 08 --facts-out "$OUT/08-kymenlaakso-tanaan-2022.json"
