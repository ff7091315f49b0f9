#!/usr/bin/env bash
# Measures osce-classify against its text-only peers on the same folds and metrics, then on the running-text
# statements of bench/running-text/ (see bench/README.md, "Quality: peers and running text").
# Needs Debian's python3-sklearn and fasttext: apt-get install -y python3-sklearn fasttext
# Usage: bench/quality.sh [corpus.csv [fold seeds, comma-separated [profiles, comma-separated]]]
#   defaults: seeds/osce-items.csv, seeds 42,7, profile "defaults" (QualityBench.PROFILES names the others)
# It writes bench/out/embeddings.csv (the embeddings module's EmbeddingExport) for the peers on sentence embeddings.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-seeds/osce-items.csv}"
seeds="${2:-42,7}"      # the seeds of the 5 folds, one cross-validation each
profiles="${3:-defaults}"
running=bench/running-text
mkdir -p bench/out
# One invocation: the reactor resolves its own modules only in a build that compiles them.
mvn -B -o -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/classpath.txt" >/dev/null
# The reactor's own modules come from their target folders, not from the local repository.
cp="classifier/target/test-classes:classifier/target/classes:features/target/classes:model/target/classes"
cp="$cp:$(tr ':' '\n' < bench/out/classpath.txt | grep -v '/org/osceclassify/' | paste -sd: -)"
folds=()
for seed in ${seeds//,/ }; do
    java -cp "$cp" org.osceclassify.classifier.PeerCorpusExport "$corpus" "bench/out/corpus-folds-$seed.csv" 5 "$seed"
    folds+=("bench/out/corpus-folds-$seed.csv")
done
java -cp "$cp" org.osceclassify.classifier.PeerCorpusExport "$running" bench/out/running-text.csv 0
# The sentence embeddings the accurate profile uses, of every item and statement (id,e0,...,e383), for the peers
# given the same.
mvn -B -o -q -pl embeddings -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/embeddings-classpath.txt" >/dev/null
ecp="embeddings/target/test-classes:embeddings/target/classes:$(cat bench/out/embeddings-classpath.txt)"
java -cp "$ecp" org.osceclassify.embeddings.EmbeddingExport "$corpus" bench/out/embeddings-corpus.csv
java -cp "$ecp" org.osceclassify.embeddings.EmbeddingExport "$running" bench/out/embeddings-running.csv
{ cat bench/out/embeddings-corpus.csv; tail -n +2 bench/out/embeddings-running.csv; } > bench/out/embeddings.csv
/usr/bin/python3 bench/peers.py "${folds[@]}" --running bench/out/running-text.csv
echo
echo "osce-classify, cross-validation (seeds $seeds), then running text:"
for profile in ${profiles//,/ }; do
    java -cp "$cp" org.osceclassify.classifier.QualityBench "$corpus" --seeds "$seeds" --profile "$profile" 2>/dev/null
done
for profile in ${profiles//,/ }; do
    java -cp "$cp" org.osceclassify.classifier.QualityBench "$corpus" --profile "$profile" --running "$running" \
        2>/dev/null
done
