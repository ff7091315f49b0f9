#!/usr/bin/env bash
# A bounded load test of `osce-classify serve` on loopback, with wrk; not part of CI. It builds the jar if needed,
# trains a model on seeds/osce-items.csv (or takes --model), starts `serve` on a free port of 127.0.0.1 and runs,
# after a short warm-up, each for --duration seconds (default 30):
#   single documents at 16 and at 64 connections, batches of 100 documents at 16 and at 64 connections, and single
#   documents at 16 connections again while a fresh copy of the bundle is renamed over the served file and
#   POST /v1/admin/reload is called, 10 times spread over the run.
# Beside it, fastText (bench/bench.py's settings) trained on the same corpus and timed with predict-prob on the same
# documents. Prints one Markdown table; raw numbers in bench/out/serve.json, work files and logs in bench/out/serve/.
# About 4 minutes on 2 cores; run it when nothing else heavy runs.
#
#   bench/serve.sh [--model FILE] [--duration SECONDS] [--docs N]
#
# Every request loop is bounded in time (wrk -d, under `timeout`) and in count (BENCH_MAX_REQUESTS per wrk thread;
# 10 reloads), and only targets 127.0.0.1. The server is stopped at the end, and on any failure or interruption.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python=/usr/bin/python3   # Debian's python, which python3-sklearn installs into (bench/peers.py imports it)

model=""
duration=30
warmup=10
docs=1000
while (($#)); do
  case "$1" in
    --model) model="$(realpath "$2")"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --docs) docs="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || { echo "serve.sh: --duration 1..600" >&2; exit 2; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v fasttext >/dev/null || missing+=(fasttext)
command -v curl >/dev/null || missing+=(curl)
"$python" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
if ((${#missing[@]})); then
  echo "serve.sh: installing ${missing[*]}" >&2
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2
fi

out="$root/bench/out"
work="$out/serve"
rm -rf "$work"
mkdir -p "$work/runs" "$work/logs"
load_at_start="$(cut -d' ' -f1 /proc/loadavg)"   # other work on the machine skews every figure: recorded
log() { echo "[serve.sh $(date +%H:%M:%S)] $*" >&2; }

server_pid=""
reloader_pid=""
cleanup() {
  local status=$?
  if [[ -n "$reloader_pid" ]] && kill -0 "$reloader_pid" 2>/dev/null; then
    kill "$reloader_pid" 2>/dev/null || true
  fi
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    log "stopping the server (pid $server_pid)"
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 250); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The jar (the launcher builds it when the sources are newer) and its class-data archive, outside the timings.
log "building the jar if needed"
"$root/osce-classify" --version >/dev/null

source_model="$work/model.osce"
if [[ -n "$model" ]]; then
  cp "$model" "$source_model"
else
  log "training a model on seeds/osce-items.csv"
  "$root/osce-classify" --quiet train --profile fast --corpus "$root/seeds/osce-items.csv" --model "$source_model" --no-evaluate >&2
fi
served="$work/served.osce"
cp "$source_model" "$served"

"$python" bench/serve.py prepare --corpus "$root/seeds/osce-items.csv" --work "$work" --docs "$docs"
log "fastText: training and timing predict-prob (the server is not running yet)"
"$python" bench/serve.py fasttext --work "$work"

# The admin token, random per run, is handed over in the environment and to curl through a file (not argv).
token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
umask 077
printf 'Authorization: Bearer %s\n' "$token" > "$work/admin-header"
umask 022

log "starting osce-classify serve on a free port of 127.0.0.1"
OSCE_CLASSIFY_ADMIN_TOKEN="$token" "$root/osce-classify" serve --model "$served" --host 127.0.0.1 --port 0 \
  >"$work/logs/server.out" 2>"$work/logs/server.log" &
server_pid=$!   # the launcher execs java: this is the JVM's pid
port=""
for _ in $(seq 1 1200); do   # up to 120 s
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/logs/server.log" >&2; log "the server exited"; exit 1; }
  port="$(sed -n 's|.*serving model .* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/logs/server.log" | head -1)"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { log "the server did not become ready in 120 s"; exit 1; }
url="http://127.0.0.1:$port"
[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url/health/ready")" == 200 ]] \
  || { log "$url/health/ready is not 200"; exit 1; }
log "serving at $url (pid $server_pid)"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }   # the server's user + system CPU time
ticks_per_s="$(getconf CLK_TCK)"
rss_ready="$(rss_kb)"

# Each body type answered once, checked, before load.
check() {   # check PATH BODYFILE EXPECTED_DOCUMENTS
  local body status
  body="$(head -1 "$2")"
  status="$(curl -s -o "$work/check.json" -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
    --data-binary "$body" "$url$1")"
  [[ "$status" == 200 ]] || { log "POST $1 answered $status: $(head -c 300 "$work/check.json")"; exit 1; }
  "$python" -c 'import json, sys
r = json.load(open(sys.argv[1])); n = len(r) if isinstance(r, list) else 1
docs = r if isinstance(r, list) else [r]
assert n == int(sys.argv[2]) and all("fields" in d and "sources" in d for d in docs), (n, str(r)[:300])' \
    "$work/check.json" "$3"
}
check /v1/classify "$work/single.jsonl" 1
check /v1/classify/batch "$work/batch.jsonl" 100

run() {   # run NAME PATH BODYFILE CONNECTIONS DOCS_PER_REQUEST SECONDS
  local name=$1 path=$2 bodies=$3 connections=$4 per=$5 seconds=$6 rss_start cpu_start load
  rss_start="$(rss_kb)"
  cpu_start="$(cpu_ticks)"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  log "$name: $connections connections, ${seconds} s, POST $path"
  BENCH_BODIES="$bodies" BENCH_PATH="$path" BENCH_OUT="$work/runs/$name.wrk.json" BENCH_MAX_REQUESTS=2000000 \
    timeout $((seconds + 60)) wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s --latency \
    -s "$root/bench/serve-post.lua" "$url$path" >"$work/logs/$name.txt" 2>&1 \
    || { cat "$work/logs/$name.txt" >&2; log "$name: wrk failed"; exit 1; }
  printf '{"name": "%s", "path": "%s", "connections": %d, "docs_per_request": %d, "seconds": %d, "load": %s, "rss_start_kb": %d, "rss_end_kb": %d, "server_cpu_s": %s}\n' \
    "$name" "$path" "$connections" "$per" "$seconds" "$load" "$rss_start" "$(rss_kb)" \
    "$(awk -v a="$cpu_start" -v b="$(cpu_ticks)" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", (b - a) / hz }')" \
    >"$work/runs/$name.meta.json"
}

# Warm-up (the JIT compiles the hot paths; not reported).
run warmup-single /v1/classify "$work/single.jsonl" 16 1 "$warmup"
run warmup-batch /v1/classify/batch "$work/batch.jsonl" 16 100 $((warmup / 2 > 0 ? warmup / 2 : 1))
rss_warm="$(rss_kb)"

run single-16 /v1/classify "$work/single.jsonl" 16 1 "$duration"
run single-64 /v1/classify "$work/single.jsonl" 64 1 "$duration"
run batch-16 /v1/classify/batch "$work/batch.jsonl" 16 100 "$duration"
run batch-64 /v1/classify/batch "$work/batch.jsonl" 64 100 "$duration"

# 10 reloads spread over the last run, the first at 5% of it, then every 9%: each renames a fresh copy of the
# bundle over the served file, then calls reload.
reloads() {
  local i status
  for i in $(seq 0 9); do
    sleep "$(awk -v d="$duration" -v i="$i" 'BEGIN { print (i == 0 ? d * 0.05 : d * 0.09) }')"
    cp "$source_model" "$served.new"
    mv -f "$served.new" "$served"
    status="$(curl -s -o "$work/logs/reload-$i.json" -w '%{http_code} %{time_total}' --max-time 30 -X POST \
      -H @"$work/admin-header" "$url/v1/admin/reload")" || status="000 0"
    echo "$((i + 1)) $(awk -v s="$(date +%s.%N)" -v t="$start" 'BEGIN { printf "%.2f", s - t }') $status" \
      >>"$work/runs/reloads.tsv"
  done
}
start="$(date +%s.%N)"
reloads &
reloader_pid=$!
run single-16-reloads /v1/classify "$work/single.jsonl" 16 1 "$duration"
wait "$reloader_pid" || true
reloader_pid=""
curl -s --max-time 10 "$url/v1/model" >"$work/model-after.json"
rss_final="$(rss_kb)"

log "stopping the server (SIGTERM)"
kill -TERM "$server_pid"
exit_status=0
wait "$server_pid" || exit_status=$?
server_pid=""
printf '{"url": "%s", "jvm": "the launcher'"'"'s defaults", "duration_s": %d, "warmup_s": %d, "rss_ready_kb": %d, "rss_warm_kb": %d, "rss_final_kb": %d, "exit_status": %d, "cores": %d, "load_at_start": %s}\n' \
  "$url" "$duration" "$warmup" "$rss_ready" "$rss_warm" "$rss_final" "$exit_status" "$(nproc)" "$load_at_start" >"$work/server.json"

"$python" bench/serve.py report --work "$work" --json "$out/serve.json"
