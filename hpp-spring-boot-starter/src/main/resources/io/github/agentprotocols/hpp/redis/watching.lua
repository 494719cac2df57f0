-- Sums a session's connection counts (the instances' entries of one hash):
-- watching(key).
local function watching(key)
  local total = 0
  for _, count in ipairs(redis.call('HVALS', key)) do total = total + tonumber(count) end
  return total
end
