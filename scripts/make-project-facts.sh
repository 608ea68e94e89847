#!/usr/bin/env bash
# Makes content/facts/projects-kymenlaakso.json, the projects seeded on first start, from the
# structural-fund project list 2014–2020 of rakennerahastot.fi (the OKF volunteers' cleaned copy in
# ../shared/data/projects/, or the file given as $1), with Suunta's own import: the shipped preset
# rakennerahastot-fi-2014-2020 and the --select-region rule (domain/projects/region-selection.ts).
# Runs against a throw-away database, so that no database of yours is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE="${1:-../shared/data/projects/rakennerahastot-fi-2014-2020-projektilista-cleaned.csv}"
OUT="${2:-content/facts/projects-kymenlaakso.json}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
SUUNTA_DATA_DIR="$TMP" SUUNTA_SEED_PROJECTS=0 node bin/suunta.js import projects "$SOURCE" \
  --region 08 --preset rakennerahastot-fi-2014-2020 --select-region \
  --facts-out "$OUT" \
  --facts-publisher "rakennerahastot.fi (EURA 2014, 'rahoitetut hankkeet' of the structural-fund programme Kestävää kasvua ja työtä 2014–2020), as saved and cleaned by the OKF Subsidy Stories project (github.com/os-data/eu-structural-funds @6ffe5ddb)" \
  --facts-licence "public information of the Finnish structural-fund authorities; the repository that stores the copy states no licence"
