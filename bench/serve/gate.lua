-- wrk script for bench/serve-load: POST /v1/gate, one question per request.
--   wrk ... -s gate.lua URL -- BODIES MODE REPEAT MARKERS THREADS SEED
-- BODIES   a file of /v1/gate JSON bodies, one distinct question per line
-- MODE     once:     each thread takes every THREADS-th line (by its thread id) and never asks
--                    one twice; when its share runs out it stops, and the last thread to stop
--                    ends wrk (SIGINT), so a run lasts its duration or until the questions run out
--          cycle:    the same shares, started again from the top once run through (the soak)
-- REPEAT   in once mode, the chance (0..1) that a request asks again a question this thread
--          asked before instead of a new one (the query-cache run); 0 for none
-- MARKERS  a folder where each thread leaves a file when it has run out
-- THREADS  wrk's -t, so that the shares do not overlap
-- SEED     for the repeats' random picks
-- done() prints one line "SERVE-LOAD key=value ..." with the run's figures (latency in ms).

local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("id", threads_made)
end

function init(args)
  bodies_file, mode, repeat_rate = args[1], args[2], tonumber(args[3])
  markers, threads, seed = args[4], tonumber(args[5]), tonumber(args[6])
  mine = {}
  local line_no = 0
  for line in io.lines(bodies_file) do
    if line_no % threads == id - 1 and #line > 0 then
      mine[#mine + 1] = line
    end
    line_no = line_no + 1
  end
  math.randomseed(seed * 1000 + id)
  headers = { ["Content-Type"] = "application/json" }
  next_new = 1     -- the next question of this thread's share never asked
  asked = {}       -- indices into mine already chosen
  picked, first, last = {}, 1, 0   -- questions chosen by delay() for the request() that follows
  sent, answered, finished, started = 0, 0, false, false
end

local function finish()
  if finished then return end
  finished = true
  local marker = io.open(markers .. "/done." .. id, "w")
  marker:write(sent, "\n")
  marker:close()
  -- The last thread to finish ends the whole run: wrk's main thread sleeps for -d otherwise.
  local all = true
  for i = 1, threads do
    local f = io.open(markers .. "/done." .. i, "r")
    if f then f:close() else all = false end
  end
  if all then
    local stat = io.open("/proc/self/stat", "r")
    local pid = stat:read("*n")
    stat:close()
    -- Not os.execute: system() ignores SIGINT in the caller while it waits for the child.
    io.popen("kill -INT " .. pid):close()
  end
  wrk.thread:stop()
end

local function exhausted()
  return mode == "once" and next_new > #mine
end

-- The next question to ask, or nil when this thread has asked every question of its share once.
local function pick()
  if mode == "cycle" then
    if next_new > #mine then next_new = 1 end
    next_new = next_new + 1
    return next_new - 1
  end
  if exhausted() then return nil end
  if repeat_rate > 0 and #asked > 0 and math.random() < repeat_rate then
    return asked[math.random(#asked)]
  end
  next_new = next_new + 1
  asked[#asked + 1] = next_new - 1
  return next_new - 1
end

local function idle()
  return exhausted() and answered >= sent and first > last
end

-- Called before each request of a connection: the question is chosen here, so that two
-- connections cannot both be promised the last one; a connection with nothing left waits (for good).
function delay()
  started = true
  local index = pick()
  if index == nil then
    if idle() then finish() end
    return 3600000
  end
  last = last + 1
  picked[last] = index
  return 0
end

function request()
  local index
  if first <= last then
    index = picked[first]
    picked[first] = nil
    first = first + 1
  elseif not started then
    -- wrk calls request() once before the run to check the script; that request is never sent.
    return wrk.format("POST", "/v1/gate", headers, mine[1])
  else
    -- A connection opened again after a socket error asks without delay().
    index = pick() or asked[#asked] or 1
  end
  sent = sent + 1
  return wrk.format("POST", "/v1/gate", headers, mine[index])
end

function response(status, headers, body)
  answered = answered + 1
  if idle() then finish() end
end
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "SERVE-LOAD seconds=%.2f requests=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f mean=%.2f " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    seconds, summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
