#!/usr/bin/env bash
# Benchmarks osce-classify against scikit-learn and fastText on one seeded split of the bundled corpus: quality,
# training time, classification throughput, memory, model size, and training at 1x, 10x and 100x the corpus.
# Prints one Markdown table; raw numbers in bench/out/results.json, logs in bench/out/logs/. Not part of CI.
#
#   bench/run.sh                        # everything (about half an hour on 2 cores, most of it scaled training)
#   bench/run.sh run --scales 1,10      # arguments go to bench/bench.py; --timeout N caps one scaled training run,
#                                       # --repeat N runs each timed command N times and reports the median
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python=/usr/bin/python3   # Debian's python, which python3-sklearn installs into (not a pyenv one on PATH)

missing=()
"$python" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
command -v fasttext >/dev/null || missing+=(fasttext)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  echo "bench: installing ${missing[*]}" >&2
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2
fi

echo "bench: building the command-line jar and the benchmark jar" >&2
mvn -B -q -o package -DskipTests >&2 2>/dev/null || mvn -B -q package -DskipTests >&2
mvn -B -q -o -pl classifier -am -Pbench -DskipTests package >&2 2>/dev/null \
  || mvn -B -q -pl classifier -am -Pbench -DskipTests package >&2
# The launcher makes its class-data archive on its first run after a build: do that here, outside the timings.
"$root/osce-classify" --version >/dev/null
exec "$python" bench/bench.py "$@"
