-- Counts a client's attempt against a throttle's limit per sliding minute, as
-- RequestWindow does: forgets the attempts older than 60 s, adds this one unless the
-- limit is reached, and keeps the set a minute past its last change. KEYS: the client's
-- sorted set of attempts (scored by time, ms); ARGV: now (ms), limit, a member unique to
-- this attempt. Answers {1 if counted else 0, the time (ms) until which the client is
-- refused, 0 when it is not}: while full, until the oldest attempt leaves the minute.
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - 60000))
local count = redis.call('ZCARD', KEYS[1])
local counted = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  count = count + 1
  counted = 1
end
redis.call('PEXPIRE', KEYS[1], 60000)
if count < limit then return {counted, 0} end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {counted, tonumber(oldest[2]) + 60000}
