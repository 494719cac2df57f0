-- The state reply: outcome, version, the two window summaries (empty windows when not
-- asked for), static JSON (empty when the application knows it), idle timer,
-- time-to-live, change stamp, the number of field strings, each field's key and entry,
-- then the changes if asked for. A script that
-- knows one log's summary already (known: the log's index among KEYS and its summary)
-- spares the search of that log. Needs summary.lua.
local function window(h, index, start, known)
  if known and known[1] == index then return known[2] end
  local first, count, oldest = summary(KEYS[index], start, h[8 + index])
  return first .. ':' .. count .. ':' .. oldest
end
local function reply(outcome, h, start, withChanges, withWindows, known, withoutFixed)
  local requests, extensions = '0:0:', '0:0:'
  if withWindows then requests, extensions = window(h, 3, start, known), window(h, 4, start, known) end
  local out = { outcome, h[1], requests, extensions,
    withoutFixed and '' or redis.call('HGET', KEYS[1], 'd'), h[3], h[4], h[5], h[6], h[9] }
  local fields = redis.call('HGETALL', KEYS[5])
  out[#out + 1] = tostring(#fields)
  for i = 1, #fields do out[#out + 1] = fields[i] end
  if withChanges then
    local changes = redis.call('LRANGE', KEYS[6], 0, -1)
    for i = 1, #changes do out[#out + 1] = changes[i] end
  end
  return out
end
