-- Writes the agent's values one after the other under the ownership rules: a field the
-- user owns is refused (R), a new field beyond the limit too (F), any other is written
-- and logged (W), stamped after every earlier change. Answers X for an expired
-- session, else the state reply whose outcome is A followed by the outcome of each
-- write. ARGV: id, now (seconds, nanoseconds, microseconds), where the window starts,
-- grace (ms), 1 to return the whole session (the changes and the request windows)
-- rather than what the outcome needs (the fields), the field limit, then for each
-- write the key, the key as JSON and the value as JSON. The fields are read with one
-- command and written with one, the changes logged with one. SessionScripts puts the
-- number of changes a session keeps (HandshakeSession.RETAINED_CHANGES) in place of
-- RETAINED in the LTRIM below.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
if expired(h, nowS, nowN) then return { 'X' } end
local stamp, order = tonumber(h[9]), tonumber(h[10])
local size = redis.call('HLEN', KEYS[5])
-- One command for each kind of access, in parts of at most 500 arguments (Lua's
-- unpack has a limit): answers the commands' answers one after the other.
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
local keys = {}
for i = 9, #ARGV, 3 do keys[#keys + 1] = ARGV[i] end
local entries = {}
for j, entry in ipairs(each('HMGET', KEYS[5], keys)) do
  if entries[keys[j]] == nil then entries[keys[j]] = entry end
end
local written, changes = {}, {}
local outcomes = {}
for i = 9, #ARGV, 3 do
  local key, value = ARGV[i], ARGV[i + 2]
  local current = entries[key]
  local position, by, from
  if current then position, by, from = string.match(current, '^(%d+) (%S+) %d+ (.*)$') end
  if by == 'user' or by == 'user_edit' then
    outcomes[#outcomes + 1] = 'R'
  elseif not current and size >= tonumber(ARGV[8]) then
    outcomes[#outcomes + 1] = 'F'
  else
    if not current then position, order, size = tostring(order), order + 1, size + 1 end
    stamp = math.max(tonumber(ARGV[4]), stamp + 1)
    local at = string.format('%d', stamp) .. '000'
    entries[key] = position .. ' ai ' .. at .. ' ' .. value
    written[#written + 1] = key
    written[#written + 1] = entries[key]
    changes[#changes + 1] = '[' .. ARGV[i + 1] .. ',' .. (from or 'null') .. ',' .. value .. ',"ai",' .. at .. ']'
    outcomes[#outcomes + 1] = 'W'
  end
end
each('HSET', KEYS[5], written)
each('RPUSH', KEYS[6], changes)
outcomes = table.concat(outcomes)
if string.find(outcomes, 'W', 1, true) then
  h[1], h[3], h[4] = tostring(tonumber(h[1]) + 1), ARGV[2], ARGV[3]
  h[9], h[10] = string.format('%d', stamp), tostring(order)
  redis.call('HSET', KEYS[1], 'v', h[1], 'ts', h[3], 'tn', h[4], 's', h[9], 'n', h[10])
  redis.call('LTRIM', KEYS[6], -RETAINED, -1)
  local score, retention = lifetime(h, nowS, nowN, tonumber(ARGV[6]))
  keep(ARGV[1], score, retention)
end
return reply('A' .. outcomes, h, ARGV[5], ARGV[7] == '1', ARGV[7] == '1')
