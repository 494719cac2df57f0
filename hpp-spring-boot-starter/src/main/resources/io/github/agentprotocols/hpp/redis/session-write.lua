-- Writes a whole session if its version is unchanged. ARGV: id, version read, now
-- (seconds, nanoseconds), grace (ms), for each window the entries that left it and the
-- entries accepted since, then the session. Answers 1, 0 when the version changed, -1
-- when the session is gone.
local version = redis.call('HGET', KEYS[1], 'v')
if not version then return -1 end
if version ~= ARGV[2] then return 0 end
put(10, tonumber(version) + 1)
local score, retention = lifetime(load(), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
append(KEYS[3], ARGV[6], ARGV[7], retention)
append(KEYS[4], ARGV[8], ARGV[9], retention)
keep(ARGV[1], score, retention)
return 1
