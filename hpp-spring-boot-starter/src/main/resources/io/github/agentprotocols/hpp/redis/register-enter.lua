-- Registers a session in a register of live sessions (all of them, or an owner's) within
-- its cap, after forgetting the sessions past their deadlines. KEYS: the register; ARGV:
-- id, now (ms), cap, the session's deadline (ms), how long to keep the register at least
-- (ms). Answers 1, or 0 when the cap is reached.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
return 1
