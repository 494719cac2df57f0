-- Creates a session in its bucket (its place in the registers of live sessions is taken
-- before). ARGV: id, now (seconds, nanoseconds), grace (ms), the two windows' entries,
-- then the session. Answers 1, or -1 when the id exists.
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
put(7, 1)
redis.call('DEL', KEYS[3], KEYS[4])
local score, retention = lifetime(load(), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]))
append(KEYS[3], 0, ARGV[5], retention)
append(KEYS[4], 0, ARGV[6], retention)
keep(ARGV[1], score, retention)
return 1
