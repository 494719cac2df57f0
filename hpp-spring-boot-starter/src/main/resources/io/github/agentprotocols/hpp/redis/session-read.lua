-- Reads a whole session. ARGV: where the window starts. Answers the state reply with
-- the changes, O with the version, summaries and JSON of a session of an earlier
-- version, or an empty list.
local h = load()
if not h then return {} end
if not h[2] then
  local rf, rc, ro = summary(KEYS[3], ARGV[1], h[11])
  local ef, ec, eo = summary(KEYS[4], ARGV[1], h[12])
  return { 'O', h[1], rf .. ':' .. rc .. ':' .. ro, ef .. ':' .. ec .. ':' .. eo, redis.call('HGET', KEYS[1], 'd') }
end
return reply('S', h, ARGV[1], true, true)
