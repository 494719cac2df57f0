-- Takes the next batch, or the run of batches without pauses at the head of the list
-- (up to run), whose encoding starts with prefix, for the holder of the lease; releases
-- the lease when the list is empty: take(list, lease, lease lifetime (ms), run, prefix).
local function take(list, lease, lifetime, run, prefix)
  local batches = redis.call('LRANGE', list, 0, tonumber(run) - 1)
  if #batches == 0 then
    redis.call('DEL', lease)
    return {}
  end
  local taken = 1
  local function unpaused(batch) return string.sub(batch, 1, #prefix) == prefix end
  if unpaused(batches[1]) then
    while taken < #batches and unpaused(batches[taken + 1]) do taken = taken + 1 end
  end
  redis.call('LTRIM', list, taken, -1)
  redis.call('PEXPIRE', lease, lifetime)
  return { unpack(batches, 1, taken) }
end
