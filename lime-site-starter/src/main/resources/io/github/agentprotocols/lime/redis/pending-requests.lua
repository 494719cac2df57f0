-- The pending login requests of one bucket still kept, with their expires_at, in one reply.
-- KEYS[1] the bucket: a sorted set of pending requests, scored by expires_at (epoch milliseconds)
-- ARGV[1] the oldest expires_at kept
return redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf', 'WITHSCORES')
