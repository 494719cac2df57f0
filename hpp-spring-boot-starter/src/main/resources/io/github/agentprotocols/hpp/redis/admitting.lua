-- Admits an agent request: expired (X), wrong token (D), else touches the idle timer
-- and spends the budget: R with the budget's summary when it is spent. With KEYS[7] and
-- KEYS[8], the delivery list and its reservations, and ARGV[11] to ARGV[13], a
-- reservation, an admitted request also reserves its batch's place (reserving.lua), or
-- is answered B when the list is full. ARGV: id, now (seconds, nanoseconds, window
-- entry), where the window starts, digest of the presented token, the index of the
-- budget's log among KEYS, the limit, grace (ms); keeps where the window starts as the
-- log's hint for the next search (summary.lua). admit(h) answers the refusal, or
-- nothing and the budget's summary once admitted: the admitted request's log is not
-- searched again for it, as the entry appended is inside the window, and the oldest one
-- unless the window held some.
local function admit(h)
  local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
  if expired(h, nowS, nowN) then return { 'X' } end
  if h[2] ~= ARGV[6] then return { 'D' } end
  h[1], h[3], h[4] = tostring(tonumber(h[1]) + 1), ARGV[2], ARGV[3]
  local score, retention = lifetime(h, nowS, nowN, tonumber(ARGV[9]))
  local index = tonumber(ARGV[7])
  local first, count, oldest = summary(KEYS[index], ARGV[5], h[8 + index])
  local granted = count < tonumber(ARGV[8])
  local known
  if granted then
    local start, newest = append(KEYS[index], first, ARGV[4], retention)
    if count == 0 then oldest = newest end
    known = { index, start .. ':' .. (count + 1) .. ':' .. oldest }
    first = start
  end
  h[8 + index] = first
  redis.call('HSET', KEYS[1], 'v', h[1], 'ts', h[3], 'tn', h[4], 'w' .. index, first)
  keep(ARGV[1], score, retention)
  if not granted then return { 'R', first .. ':' .. count .. ':' .. oldest } end
  if KEYS[7] and not reserve(KEYS[7], KEYS[8], ARGV[11], ARGV[12], ARGV[13]) then return { 'B' } end
  return nil, known
end
