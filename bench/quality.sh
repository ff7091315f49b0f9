#!/usr/bin/env bash
# Measures osce-classify against its text-only peers on the same folds and metrics (see bench/README.md).
# Needs Debian's python3-sklearn and fasttext: apt-get install -y python3-sklearn fasttext
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-seeds/osce-items.csv}"
seed="${2:-42}"   # the seed of the 5 folds
mkdir -p bench/out
mvn -B -o -q -pl classifier -am test-compile
mvn -B -o -q -pl classifier -am dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/classpath.txt" >/dev/null
# The reactor's own modules come from their target folders, not from the local repository.
cp="classifier/target/test-classes:classifier/target/classes:features/target/classes:model/target/classes"
cp="$cp:$(tr ':' '\n' < bench/out/classpath.txt | grep -v '/org/osceclassify/' | paste -sd: -)"
java -cp "$cp" org.osceclassify.classifier.PeerCorpusExport "$corpus" bench/out/corpus-folds.csv 5 "$seed"
# The sentence embeddings the accurate profile uses, of every item (id,e0,...,e383), for a peer given the same.
mvn -B -o -q -pl embeddings -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/embeddings-classpath.txt" >/dev/null
ecp="embeddings/target/test-classes:embeddings/target/classes:$(cat bench/out/embeddings-classpath.txt)"
java -cp "$ecp" org.osceclassify.embeddings.EmbeddingExport "$corpus" bench/out/embeddings.csv
/usr/bin/python3 bench/peers.py bench/out/corpus-folds.csv
java -cp "$cp" org.osceclassify.classifier.QualityBench "$corpus" 5 "$seed" 2>/dev/null
