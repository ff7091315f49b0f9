#!/usr/bin/env bash
# The feedback loop simulated on the bundled corpus (see bench/README.md, "Feedback loop"): review queue against
# random picking, five rounds of 50 corrections; writes bench/out/feedback-sim.csv and bench/feedback-sim.svg.
# Plotting needs Debian's matplotlib: apt-get install -y python3-matplotlib (run with /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-seeds/osce-items.csv}"
seeds="${2:-3}"   # how many seeded random-picking runs
mkdir -p bench/out
# In one run with test-compile, so that the reactor resolves its own modules from their target folders.
mvn -B -o -q -pl classifier -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/classpath.txt" >/dev/null
cp="classifier/target/test-classes:classifier/target/classes:features/target/classes:model/target/classes"
cp="$cp:$(tr ':' '\n' < bench/out/classpath.txt | grep -v '/org/osceclassify/' | paste -sd: -)"
java -cp "$cp" org.osceclassify.classifier.FeedbackSimulation "$corpus" "$seeds" 2 > bench/out/feedback-sim.csv
/usr/bin/python3 bench/feedback_plot.py bench/out/feedback-sim.csv bench/feedback-sim.svg
