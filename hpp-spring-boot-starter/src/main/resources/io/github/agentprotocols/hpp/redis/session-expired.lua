-- The ids of the sessions whose expiry score is at most a time. KEYS: the expiry
-- index; ARGV: the time (ms).
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
