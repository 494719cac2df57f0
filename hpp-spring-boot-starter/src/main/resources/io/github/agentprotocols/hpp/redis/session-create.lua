-- Creates a session within the caps. ARGV: id, now (ms), cap, owner cap, owner index
-- lifetime (ms), now (seconds, nanoseconds), grace (ms), the two windows' entries,
-- then the session. KEYS[7], when given, lists the owner's sessions. Answers 1, 0 when
-- the cap is reached, -2 when the owner's cap is, -1 when the id exists.
if redis.call('ZCOUNT', KEYS[2], ARGV[2], '+inf') >= tonumber(ARGV[3]) then return 0 end
if KEYS[7] then
  local live = 0
  for _, id in ipairs(redis.call('ZRANGE', KEYS[7], 0, -1)) do
    local expiry = redis.call('ZSCORE', KEYS[2], id)
    if not expiry then redis.call('ZREM', KEYS[7], id)
    elseif tonumber(expiry) >= tonumber(ARGV[2]) then live = live + 1 end
  end
  if live >= tonumber(ARGV[4]) then return -2 end
end
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
put(11, 1)
redis.call('DEL', KEYS[3], KEYS[4])
local score, retention = lifetime(load(), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))
append(KEYS[3], 0, ARGV[9], retention)
append(KEYS[4], 0, ARGV[10], retention)
keep(ARGV[1], score, retention)
if KEYS[7] then
  redis.call('ZADD', KEYS[7], score, ARGV[1])
  if redis.call('PTTL', KEYS[7]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[7], ARGV[5]) end
end
return 1
