-- Purges lapsed reservations, then reserves a place if the delivery list and the
-- reservations leave one: reserve(list, reservations, reservation id, reservation
-- lifetime (ms), bound) answers whether it did; room(list, reservations, bound) purges
-- and answers whether there is a place, and the time. Shared by the paced delivery and
-- the store's admission of action requests, which reserves in the same step.
local function room(list, reservations, bound)
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  redis.call('ZREMRANGEBYSCORE', reservations, '-inf', now)
  return redis.call('LLEN', list) + redis.call('ZCARD', reservations) < tonumber(bound), now
end
local function reserve(list, reservations, id, lifetime, bound)
  local free, now = room(list, reservations, bound)
  if not free then return false end
  redis.call('ZADD', reservations, now + tonumber(lifetime), id)
  redis.call('PEXPIRE', reservations, lifetime)
  return true
end
