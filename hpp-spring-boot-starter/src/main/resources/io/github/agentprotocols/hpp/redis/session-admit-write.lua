-- Admits an action request with its batch's place reserved (admitting.lua), then writes
-- the agent's values (writing.lua), in one step, and may publish the batch at once
-- (publishing.lua): answers the admission's refusal, or the state reply whose outcome is
-- A followed by the outcome of each write, then, when the batch was published, + and
-- the connections that watch the session. ARGV: those of admit (ARGV[10]: 2 or more
-- when the application knows the session's static JSON), the reservation, now in
-- microseconds, 1 to return the whole session (the changes and the request windows)
-- rather than what the outcome needs (the fields), the field limit, '' when the batch
-- is not to be published here (else publish's arguments from ARGV[17]: '0' or '1', the
-- number of required keys and the keys), then the writes. The admission has already
-- kept the keys for the time the writes would keep them.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local refused = admit(h)
if refused then return refused end
local writes = 19 + 2 * tonumber(ARGV[18])
local outcomes = 'A' .. write(h, ARGV[14], ARGV[16], writes)
if ARGV[17] ~= '' then
  local watchers = publish(string.sub(outcomes, 2), 17, writes, ARGV[11])
  if watchers then outcomes = outcomes .. '+' .. watchers end
end
return reply(outcomes, h, ARGV[5], ARGV[15] == '1', ARGV[15] == '1', nil, tonumber(ARGV[10]) >= 2)
