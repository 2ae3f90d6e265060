-- wrk script for bench/compare.sh: check-ins through the gateway. Each request takes the next attendant
-- (round robin over the clients file, '<token> <station,station,...>' per line) so the per-client rate limit
-- applies per attendant as in real use, one of that attendant's stations, and a fresh visit id.
local clients = {}
local next_client = 1

local function uuid()
  local t = {}
  for i = 1, 16 do t[i] = math.random(0, 255) end
  t[7] = t[7] % 16 + 64   -- version 4
  t[9] = t[9] % 64 + 128  -- variant
  return string.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", unpack(t))
end

local thread_counter = 0
function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919 + math.floor(os.clock() * 1e6))
  for line in io.lines(os.getenv("CHECKIN_CLIENTS")) do
    local token, stations = line:match("^(%S+)%s+(%S+)$")
    if token then
      local list = {}
      for s in stations:gmatch("[^,]+") do list[#list + 1] = s end
      clients[#clients + 1] = { header = "Bearer " .. token, stations = list }
    end
  end
  next_client = math.random(1, #clients)
end

function request()
  local c = clients[next_client]
  next_client = next_client % #clients + 1
  local body = string.format(
    '{"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["REST","WATER"],"visitedAt":"%s"}',
    uuid(), c.stations[math.random(1, #c.stations)], os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", "/api/checkins",
    { ["Authorization"] = c.header, ["Content-Type"] = "application/json" }, body)
end

-- No response() hook: wrk then skips parsing for it; errors show as "Non-2xx or 3xx responses".
