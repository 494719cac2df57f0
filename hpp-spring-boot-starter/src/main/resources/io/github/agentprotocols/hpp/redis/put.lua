-- Stores a whole session from the strings of SessionLayout.encode at ARGV[o].
local function put(o, version)
  local n = tonumber(ARGV[o + 9])
  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[o], 'k', ARGV[o + 1], 'ts', ARGV[o + 2],
    'tn', ARGV[o + 3], 'ls', ARGV[o + 4], 'ln', ARGV[o + 5], 'es', ARGV[o + 6], 'en', ARGV[o + 7],
    's', ARGV[o + 8], 'n', n + 1)
  redis.call('DEL', KEYS[5], KEYS[6])
  local first = o + 10
  for i = first, first + 2 * n - 1, 2 do redis.call('HSET', KEYS[5], ARGV[i], ARGV[i + 1]) end
  for i = first + 2 * n, #ARGV do redis.call('RPUSH', KEYS[6], ARGV[i]) end
end
