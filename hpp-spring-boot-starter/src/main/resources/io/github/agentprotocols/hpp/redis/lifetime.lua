-- Reads the session's numbers (h: version, token digest, seconds and nanoseconds of
-- the idle timer, the time-to-live and the deadline, change stamp, next field order,
-- then at h[8 + i] the hint to the window log at KEYS[i], summary.lua's, for i 3 and 4),
-- tells whether it has expired at a time, and where its keys go once it changed: its
-- expiry score in milliseconds and how long Redis keeps its keys (expiry plus grace),
-- computed as the application does with Java's instants.
local function load()
  local h = redis.call('HMGET', KEYS[1], 'v', 'k', 'ts', 'tn', 'ls', 'ln', 'es', 'en', 's', 'n', 'w3', 'w4')
  if not h[1] then return nil end
  return h
end
local function later(s1, n1, s2, n2)
  if s1 ~= s2 then return s1 > s2 end
  return n1 > n2
end
local function idle(h)
  local s, n = tonumber(h[3]) + tonumber(h[5]), tonumber(h[4]) + tonumber(h[6])
  if n >= 1000000000 then s, n = s + 1, n - 1000000000 end
  return s, n
end
local function expired(h, nowS, nowN)
  local s, n = idle(h)
  return later(nowS, nowN, s, n) or later(nowS, nowN, tonumber(h[7]), tonumber(h[8]))
end
local function lifetime(h, nowS, nowN, grace)
  local s, n = idle(h)
  if later(s, n, tonumber(h[7]), tonumber(h[8])) then s, n = tonumber(h[7]), tonumber(h[8]) end
  local ds, dn = s - nowS, n - nowN
  if dn < 0 then ds, dn = ds - 1, dn + 1000000000 end
  return string.format('%d', s * 1000 + math.floor(n / 1000000)),
    math.max(0, ds * 1000 + math.floor(dn / 1000000)) + grace
end
local function keep(id, score, retention)
  for _, key in ipairs({ KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6] }) do
    redis.call('PEXPIRE', key, retention)
  end
  redis.call('ZADD', KEYS[2], score, id)
  if redis.call('PTTL', KEYS[2]) < retention then redis.call('PEXPIRE', KEYS[2], retention) end
end
