-- Turns a reservation into a batch (a reservation that lapsed meanwhile takes a place
-- only if one is free), and counts the connections that watch the session when KEYS[4]
-- names their hash. When the messages of the batch are given and nothing is waiting or
-- being delivered (an empty list, no lease), publishes them to the channel KEYS[5] at
-- once: 2. Otherwise puts the batch at the end of the list (1, or 0 when there was no
-- place), and takes the lease if no instance holds it, then the batches to deliver
-- first. KEYS: list, reservations, lease, connection counts and channel (optional);
-- ARGV: reservation id, batch, list lifetime (ms), bound, this instance ('' to leave
-- the lease alone), lease lifetime (ms), run, prefix, then the messages, if any.
-- Answers the outcome, the connections, then the batches taken.
local placed = true
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then placed = (room(KEYS[1], KEYS[2], ARGV[4])) end
local watchers = tostring(KEYS[4] and watching(KEYS[4]) or 0)
if placed and #ARGV > 8 and redis.call('LLEN', KEYS[1]) == 0 and not redis.call('GET', KEYS[3]) then
  for i = 9, #ARGV do redis.call('PUBLISH', KEYS[5], ARGV[i]) end
  return { '2', watchers }
end
if placed then
  redis.call('RPUSH', KEYS[1], ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
local out = { placed and '1' or '0', watchers }
if ARGV[5] ~= '' and redis.call('SET', KEYS[3], ARGV[5], 'NX', 'PX', ARGV[6]) then
  for _, batch in ipairs(take(KEYS[1], KEYS[3], ARGV[6], ARGV[7], ARGV[8])) do out[#out + 1] = batch end
end
return out
