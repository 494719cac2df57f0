-- Counts a closed connection of this instance to a session. KEYS: the session's
-- connection counts; ARGV: this instance.
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
