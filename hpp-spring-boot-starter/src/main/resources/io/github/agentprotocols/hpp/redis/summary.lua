-- Finds the first entry of a window log inside the window starting at an entry, by
-- binary search: answers how many entries left the window, how many are inside and
-- the oldest of those ('' when none). A hint, where the window started at an earlier
-- search (nil when unknown), spares the search of the whole log while the window has
-- moved by fewer than 32 entries since: the entries from the one before the hint are
-- read at once, and the answer is taken from them when they hold where the window
-- starts. Needs older.lua.
local function inside(entry, first, last, start)
  while first < last do
    local middle = math.floor((first + last) / 2)
    if older(entry(middle), start) then
      first = middle + 1
    else
      last = middle
    end
  end
  return first
end
local function summary(key, start, hint)
  local size = redis.call('STRLEN', key) / 16
  hint = tonumber(hint)
  if hint and size > 0 and hint <= size then
    local from = math.max(hint - 1, 0)
    local read = redis.call('GETRANGE', key, from * 16, (from + 32) * 16 - 1)
    local entry = function(i) return string.sub(read, (i - from) * 16 + 1, (i - from) * 16 + 16) end
    local to = from + #read / 16
    local first = inside(entry, from, to, start)
    if (first > from or from == 0) and (first < to or to == size) then
      return first, size - first, first < size and entry(first) or ''
    end
  end
  local entry = function(i) return redis.call('GETRANGE', key, i * 16, i * 16 + 15) end
  local first = inside(entry, 0, size, start)
  return first, size - first, first < size and entry(first) or ''
end
