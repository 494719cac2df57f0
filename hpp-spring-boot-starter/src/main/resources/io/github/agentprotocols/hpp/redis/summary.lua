-- Finds the first entry of a window log inside the window starting at an entry, by
-- binary search: answers how many entries left the window, how many are inside and
-- the oldest of those ('' when none). Needs older.lua.
local function summary(key, start)
  local size = redis.call('STRLEN', key) / 16
  local first, last = 0, size
  while first < last do
    local middle = math.floor((first + last) / 2)
    if older(redis.call('GETRANGE', key, middle * 16, middle * 16 + 15), start) then
      first = middle + 1
    else
      last = middle
    end
  end
  local oldest = first < size and redis.call('GETRANGE', key, first * 16, first * 16 + 15) or ''
  return first, size - first, oldest
end
