#!/usr/bin/env bash
# Benchmarks the Spark job against `osce-classify classify` on this machine: the bundled corpus resampled
# (seeded) to N documents (default 1,000,000), classified to CSV by both, each under /usr/bin/time -v: wall time,
# throughput, CPU time and peak memory. The Spark job runs in local[2], its JVM with the same 3 GB heap as the
# launcher's. Checks that both outputs hold the same rows, then prints a Markdown table; logs and outputs in
# bench/out/spark/. Not part of CI; about 10 minutes on 2 cores at 1,000,000 documents.
#
#   bench/spark.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python=/usr/bin/python3
n="${1:-1000000}"
out="$root/bench/out/spark"
mkdir -p "$out"
corpus="$out/corpus-$n.csv"

if [[ ! -f "$corpus" ]]; then
  echo "bench: resampling seeds/osce-items.csv to $n documents (seed 42)" >&2
  "$python" bench/spark.py resample seeds/osce-items.csv "$n" 42 "$corpus"
fi
echo "bench: training the model on the bundled corpus" >&2
./osce-classify --quiet train --model "$out/model.osce" --no-evaluate
# run-local.sh builds the job jar and its classpath here, outside the timings
spark/run-local.sh --help >/dev/null

echo "bench: classify, $n documents" >&2
rm -f "$out/classify.csv"
/usr/bin/time -v -o "$out/classify.time" ./osce-classify --quiet classify --model "$out/model.osce" \
  --format csv --output "$out/classify.csv" "$corpus"

echo "bench: the Spark job in local[2], $n documents" >&2
OSCE_SPARK_MASTER='local[2]' OSCE_SPARK_JAVA_OPTS='-Xmx3g' /usr/bin/time -v -o "$out/spark.time" \
  spark/run-local.sh --model "$out/model.osce" --input "$corpus" --output "$out/spark-out" --overwrite \
  2> "$out/spark.log"

"$python" bench/spark.py compare "$out/classify.csv" "$out/spark-out"
echo "load average before and after: $(cat /proc/loadavg)" >&2
"$python" bench/spark.py table "$n" "$out/classify.time" "$out/spark.time"
