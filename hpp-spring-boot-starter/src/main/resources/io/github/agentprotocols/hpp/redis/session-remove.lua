-- Removes a session's keys and its entry in the expiry index. ARGV: id. Answers how
-- many of the hash and the entry were removed.
local removed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return removed + redis.call('ZREM', KEYS[2], ARGV[1])
