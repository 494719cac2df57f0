-- Removes a session's keys and its entry in its bucket's expiry index. ARGV: id. Answers
-- how many of the hash and the entry were removed, and the session's fixed part ('' when
-- there was no hash), which names its owner.
local fixed = redis.call('HGET', KEYS[1], 'd')
local removed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return { removed + redis.call('ZREM', KEYS[2], ARGV[1]), fixed or '' }
