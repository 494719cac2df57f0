-- Writes the agent's values one after the other under the ownership rules: a field the
-- user owns is refused (R), a new field beyond the limit too (F), any other is written
-- and logged (W), stamped after every earlier change. write(h, micros, limit, first)
-- takes the session's numbers (load), now in microseconds, the field limit and where
-- the writes start in ARGV, each the key, the key as JSON and the value as JSON; it
-- answers the outcome of each write. Once a value is written, h and the session's hash
-- carry the new version, the idle timer touched at ARGV[2] and ARGV[3], the change stamp
-- and the field order, and the changes are trimmed; the caller keeps the keys. The
-- fields are read with one command and written with one, the changes logged with one.
-- SessionScripts puts the number of changes a session keeps
-- (HandshakeSession.RETAINED_CHANGES) in place of RETAINED in the LTRIM below.
-- One command for each kind of access, in parts of at most 500 arguments (Lua's unpack
-- has a limit): answers the commands' answers one after the other.
local function each(command, key, items)
  local answers = {}
  for i = 1, #items, 500 do
    local answer = redis.call(command, key, unpack(items, i, math.min(i + 499, #items)))
    if type(answer) == 'table' then
      for _, value in ipairs(answer) do answers[#answers + 1] = value end
    end
  end
  return answers
end
local function write(h, micros, limit, first)
  local stamp, order = tonumber(h[9]), tonumber(h[10])
  local size = redis.call('HLEN', KEYS[5])
  local keys = {}
  for i = first, #ARGV, 3 do keys[#keys + 1] = ARGV[i] end
  local entries = {}
  for j, entry in ipairs(each('HMGET', KEYS[5], keys)) do
    if entries[keys[j]] == nil then entries[keys[j]] = entry end
  end
  local written, changes = {}, {}
  local outcomes = {}
  for i = first, #ARGV, 3 do
    local key, value = ARGV[i], ARGV[i + 2]
    local current = entries[key]
    local position, by, from
    if current then position, by, from = string.match(current, '^(%d+) (%S+) %d+ (.*)$') end
    if by == 'user' or by == 'user_edit' then
      outcomes[#outcomes + 1] = 'R'
    elseif not current and size >= tonumber(limit) then
      outcomes[#outcomes + 1] = 'F'
    else
      if not current then position, order, size = tostring(order), order + 1, size + 1 end
      stamp = math.max(tonumber(micros), stamp + 1)
      local at = string.format('%d', stamp) .. '000'
      entries[key] = position .. ' ai ' .. at .. ' ' .. value
      written[#written + 1] = key
      written[#written + 1] = entries[key]
      changes[#changes + 1] = '[' .. ARGV[i + 1] .. ',' .. (from or 'null') .. ',' .. value .. ',"ai",' .. at .. ']'
      outcomes[#outcomes + 1] = 'W'
    end
  end
  if #written > 0 then
    each('HSET', KEYS[5], written)
    each('RPUSH', KEYS[6], changes)
    h[1], h[3], h[4] = tostring(tonumber(h[1]) + 1), ARGV[2], ARGV[3]
    h[9], h[10] = string.format('%d', stamp), tostring(order)
    redis.call('HSET', KEYS[1], 'v', h[1], 'ts', h[3], 'tn', h[4], 's', h[9], 'n', h[10])
    redis.call('LTRIM', KEYS[6], -RETAINED, -1)
  end
  return table.concat(outcomes)
end
