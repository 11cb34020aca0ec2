#!/usr/bin/env bash
# Writes a generated shop (orders.csv, interactions.csv, customers.csv) for benchmarks: seeded, deterministic.
#
#   scripts/generate-data.sh --customers N --orders N --interactions N --out DIR [--seed S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/rfm-segmentation.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi
exec java -jar "$jar" generate "$@"
