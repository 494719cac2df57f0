-- Removes an expired session if its version is still the one read ('' for a session
-- without a hash). ARGV: id, version. Answers 1 if its entry in the expiry index was
-- removed.
local version = redis.call('HGET', KEYS[1], 'v')
if version ~= (ARGV[2] ~= '' and ARGV[2] or false) then return 0 end
redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return redis.call('ZREM', KEYS[2], ARGV[1])
