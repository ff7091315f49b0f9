#!/usr/bin/env bash
# The "Ensemble" table of bench/README.md: seeded 5-fold cross-validation of the fast and accurate profiles (and
# the variants tried), with fold seeds 42 and 7, then training time, bundle size and scores() docs/s on one thread.
# Usage: bench/ensemble.sh [corpus] [seeds] [name=setting:value;...]...   (default: the two profiles)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-seeds/osce-items.csv}"
seeds="${2:-42,7}"
shift $(( $# < 2 ? $# : 2 ))
if [ $# -eq 0 ]; then
    set -- "fast=" "accurate=ensemble:words+sentences"
fi
mkdir -p bench/out
mvn -B -o -q -pl embeddings -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/embeddings-classpath.txt" >/dev/null
cp="embeddings/target/test-classes:embeddings/target/classes:$(cat bench/out/embeddings-classpath.txt)"
java -Xmx3g -cp "$cp" org.osceclassify.embeddings.EnsembleBench "$corpus" 5 "$seeds" "$@"
