-- Admits an action request with its batch's place reserved (admitting.lua), then writes
-- the agent's values (writing.lua), in one step: answers the admission's refusal, or the
-- state reply whose outcome is A followed by the outcome of each write. ARGV: those of
-- admit (ARGV[10]: 2 or more when the application knows the session's static JSON), the
-- reservation, now in microseconds, 1 to return the whole session (the changes and the
-- request windows) rather than what the outcome needs (the fields), the field limit,
-- then the writes. The admission has already kept the keys for the time the writes
-- would keep them.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local refused = admit(h)
if refused then return refused end
local outcomes = write(h, ARGV[14], ARGV[16], 17)
return reply('A' .. outcomes, h, ARGV[5], ARGV[15] == '1', ARGV[15] == '1', nil, tonumber(ARGV[10]) >= 2)
