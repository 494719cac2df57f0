-- Writes the agent's values (writing.lua). Answers X for an expired session, else the
-- state reply whose outcome is A followed by the outcome of each write. ARGV: id, now
-- (seconds, nanoseconds, microseconds), where the window starts, grace (ms), 1 to
-- return the whole session (the changes and the request windows) rather than what the
-- outcome needs (the fields), the field limit, then the writes.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
if expired(h, nowS, nowN) then return { 'X' } end
local outcomes = write(h, ARGV[4], ARGV[8], 9)
if string.find(outcomes, 'W', 1, true) then
  local score, retention = lifetime(h, nowS, nowN, tonumber(ARGV[6]))
  keep(ARGV[1], score, retention)
end
return reply('A' .. outcomes, h, ARGV[5], ARGV[7] == '1', ARGV[7] == '1')
