-- Remembers a pending login request in its bucket, then forgets the bucket's requests kept too long and those
-- beyond the bucket's share of the capacity.
-- KEYS[1] the request's bucket: a sorted set of pending requests, scored by expires_at (epoch milliseconds)
-- ARGV[1] the request id, ARGV[2] its expires_at, ARGV[3] the oldest expires_at kept, ARGV[4] the bucket's capacity
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
return 1
