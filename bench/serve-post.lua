-- wrk script for bench/serve.sh: POSTs JSON bodies read from a file (one body a line), round robin, each thread
-- starting at its own offset, and writes the run's figures as JSON when wrk is done.
--
-- Environment: BENCH_BODIES the bodies file; BENCH_PATH the request path (default /v1/classify); BENCH_OUT the
-- JSON file for the figures; BENCH_MAX_REQUESTS the most requests one thread sends before it stops (a bound on
-- the count besides wrk's -d on the time; default 1,000,000).
--
-- Errors: wrk's socket errors (connect, read, write, timeout) and, counted here, every response whose status is
-- not 2xx (wrk itself counts only statuses above 399).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests = {}
local position = 1
local sent = 0
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "1000000")
non2xx = 0   -- globals, read by the main state through thread:get
capped = 0

function init(args)
  local path = os.getenv("BENCH_PATH") or "/v1/classify"
  local file = assert(io.open(assert(os.getenv("BENCH_BODIES"), "BENCH_BODIES is not set"), "r"))
  local headers = { ["Content-Type"] = "application/json" }
  for line in file:lines() do
    if #line > 0 then
      table.insert(requests, wrk.format("POST", path, headers, line))
    end
  end
  file:close()
  assert(#requests > 0, "no bodies")
  -- each thread starts elsewhere in the bodies, so that threads do not send the same document at once
  position = (id * 997) % #requests + 1
end

function request()
  local r = requests[position]
  position = position % #requests + 1
  return r
end

function response(status, headers, body)
  sent = sent + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if sent >= max_requests then
    capped = 1
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local non2xx_total, capped_threads = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    capped_threads = capped_threads + thread:get("capped")
  end
  local e = summary.errors
  local out = assert(io.open(assert(os.getenv("BENCH_OUT"), "BENCH_OUT is not set"), "w"))
  out:write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "latency_us": {"p50": %d, "p90": %d, "p99": %d, ' ..
    '"max": %d, "mean": %.1f}, "errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"status_over_399": %d, "non_2xx": %d}, "threads_capped": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, e.status, non2xx_total, capped_threads))
  out:close()
end
