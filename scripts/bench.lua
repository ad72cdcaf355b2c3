-- wrk's script for scripts/bench (LuaJIT, as Debian builds wrk). Set in the environment, because
-- wrk decides from the script as loaded, before any argument is seen, whether to pace requests
-- and whether to read answers:
--   BENCH_RATE     requests a second across all threads, on a fixed schedule; unset or 0: each
--                  connection sends its next request as soon as it has an answer (the most the
--                  server gives).
--   BENCH_THREADS  wrk's -t, so each thread takes its share of the rate and of the drafts.
--   BENCH_DRAFTS   (sending referrals) a file of drafts, one per line: "<cookie> <submission key>".
--                  Each is sent once; a thread that has sent all its drafts stops.
-- Prints one line of JSON: requests, seconds, latency percentiles in ms (wrk's: from when a request
-- is written to its answer, with wrk's own correction for stalls), errors, requests sent behind a
-- fixed schedule, and (sending) how many sends were acknowledged by the redirect to the
-- confirmation page and from the first send to the last answer.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

-- In wrk's main Lua state: every thread, to add up their counts at the end.
local threads = {}
local started = 0
function setup(thread)
  thread:set("index", started)
  started = started + 1
  table.insert(threads, thread)
end

-- In each thread's own Lua state.
local interval, due
local drafts, next_draft
local fixed
acknowledged, refused = 0, 0

local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local drafts_file = os.getenv("BENCH_DRAFTS")

function init(args)
  if rate > 0 then
    interval = 1000 * nthreads / rate
  end
  if drafts_file then
    drafts, next_draft = {}, 1
    local line_number = 0
    for line in io.lines(drafts_file) do
      if line_number % nthreads == index then
        table.insert(drafts, line)
      end
      line_number = line_number + 1
    end
  else
    fixed = wrk.format()
  end
end

-- The fixed schedule: each request takes the next slot, one interval after the last; a slot
-- already past (every connection was waiting for an answer) is sent at once. wrk times a request
-- from when it is written, so time spent behind schedule is not in its latency: it is counted
-- here instead (requests sent more than 1 ms late, and the latest), and a run that fell behind
-- is reported as such.
-- wrk asks for a delay before every request, so that is where a connection claims a draft; one
-- with none left to claim waits for ever, and the thread stops once every draft has its answer
-- (none is cut off in flight, sent but not known).
local FOR_EVER = 1e9
local claimed = 0
late, max_late = 0, 0
if rate > 0 or drafts_file then
  function delay()
    if drafts then
      if claimed >= #drafts then
        return FOR_EVER
      end
      claimed = claimed + 1
    end
    if not interval then
      return 0
    end
    local now = now_ms()
    due = due or now
    local slot = due
    due = due + interval
    if now - slot > 1 then
      late = late + 1
      max_late = math.max(max_late, now - slot)
    end
    return math.max(0, math.floor(slot - now))
  end
end

-- When this thread sent its first request and had its last answer (ms), to time the sends.
first, last = 0, 0

function request()
  if not drafts then
    return fixed
  end
  -- wrk calls this once before the run, to check the script makes a request: that call has
  -- claimed nothing, so it uses no draft.
  local line = drafts[next_draft > claimed and 1 or next_draft]
  if next_draft > claimed then
    return wrk.format("GET", "/healthz")
  end
  if next_draft == 1 then
    first = now_ms()
  end
  next_draft = next_draft + 1
  local cookie, key = line:match("^(%S+) (%S+)$")
  return wrk.format("POST", "/api/refer/submit", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "text/html",
    ["Sec-Fetch-Site"] = "same-origin",
  }, "key=" .. key)
end

-- Only when sending referrals (wrk reads every answer's headers and body for this).
if drafts_file then
  function response(status, headers, body)
    local location = headers["location"] or headers["Location"]
    if status == 302 and location == "/refer/sent" then
      acknowledged = acknowledged + 1
    else
      refused = refused + 1
    end
    last = now_ms()
    if acknowledged + refused == #drafts then
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local acked, other, from, to = 0, 0, nil, 0
  local behind, worst = 0, 0
  for _, thread in ipairs(threads) do
    behind = behind + (thread:get("late") or 0)
    worst = math.max(worst, thread:get("max_late") or 0)
    acked = acked + (thread:get("acknowledged") or 0)
    other = other + (thread:get("refused") or 0)
    local started = thread:get("first") or 0
    if started > 0 and (not from or started < from) then
      from = started
    end
    to = math.max(to, thread:get("last") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":%d,"status_errors":%d,"acknowledged":%d,"refused":%d,"sending_seconds":%.3f,' ..
    '"late":%d,"max_late_ms":%.1f}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status, acked, other, (to - (from or to)) / 1000,
    behind, worst))
end
