-- Counts a new connection of this instance to a session. KEYS: the session's
-- connection counts; ARGV: this instance, how long the counts are kept (ms).
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
