#!/usr/bin/env bash
# Run lintcase over every folder of ../shared/corpus into OUT/<folder>.json (one JSON report each).
#   bench/corpus_json.sh OUT [JOBS] [FOLDERS...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1; jobs=${2:-2}; shift $(( $# > 1 ? 2 : 1 ))
folders=${*:-pairs pairs2 triples case-reports jats}
mkdir -p "$out"
for d in $folders; do
  .venv/bin/lintcase check "../shared/corpus/$d" --format json --jobs "$jobs" --no-cache \
    --fail-on never -q -o "$out/$d.json"
done
