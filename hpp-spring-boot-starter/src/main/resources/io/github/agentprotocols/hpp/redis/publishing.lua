-- Publishes an action request's unpaced batch in the step that admitted it and wrote its
-- values, as the paced delivery's fill (delivery-fill.lua) would have published it: only
-- when every write was applied and nothing of the session waits for delivery (an empty
-- list, no lease). Its events, as HandshakeEvent writes them: an action event for each
-- write when streamed, then done with the writes' count applied, no key rejected and
-- the required keys still empty after the writes (null, "", [] or {}, as
-- PythonTruthiness.isEmpty has it). KEYS[5]: the fields; KEYS[7] to KEYS[11]: the list,
-- the reservations, the lease, the connection counts and the channel. ARGV from first:
-- '1' when streamed, else '0'; the number of required keys, each then followed by the
-- key as JSON; the writes (writing.lua) start after them, at writes.
-- publish(outcomes, first, writes, reservation) answers, once it published, the
-- connections that watch the session, the batch's reservation withdrawn; else nothing,
-- and the place stays reserved. Needs watching.lua and writing.lua's each.
local function publish(outcomes, first, writes, reservation)
  if string.find(outcomes, '[^W]') or redis.call('LLEN', KEYS[7]) > 0 or redis.call('GET', KEYS[9]) then
    return nil
  end
  local keys, missing = {}, {}
  for i = 1, tonumber(ARGV[first + 1]) do keys[i] = ARGV[first + 2 * i] end
  for i, entry in ipairs(each('HMGET', KEYS[5], keys)) do
    local value = entry and string.match(entry, '^%d+ %S+ %d+ (.*)$')
    if not value or value == 'null' or value == '""' or value == '[]' or value == '{}' then
      missing[#missing + 1] = ARGV[first + 2 * i + 1]
    end
  end
  redis.call('ZREM', KEYS[8], reservation)
  if ARGV[first] == '1' then
    for i = writes, #ARGV, 3 do
      redis.call('PUBLISH', KEYS[11], '{"type":"action","key":' .. ARGV[i + 1] .. ',"value":' .. ARGV[i + 2] .. '}')
    end
  end
  redis.call('PUBLISH', KEYS[11], '{"type":"done","applied":' .. #outcomes .. ',"rejected":[],"missing":['
    .. table.concat(missing, ',') .. ']}')
  return watching(KEYS[10])
end
