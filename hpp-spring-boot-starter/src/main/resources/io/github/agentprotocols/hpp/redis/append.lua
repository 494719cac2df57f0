-- Appends entries to a window log and drops the entries that left the window. An
-- entry older than the newest one logged is logged as that one, which keeps the log
-- ordered (two instances may append out of order) and counts it as long as the
-- requests before it, as a log in memory does. The dropped entries are removed only
-- once they are at least as many as those kept, so the entries copied then are never
-- more than the entries dropped. Answers where the entries that were inside the window
-- start now (0 once the dropped ones are removed, else dropped) and the newest entry,
-- so that a script can tell the window after it without searching the log again. Needs
-- older.lua.
local function append(key, dropped, entries, retention)
  local length = redis.call('STRLEN', key)
  local newest = length > 0 and redis.call('GETRANGE', key, length - 16, length - 1) or nil
  local ordered = {}
  for i = 1, #entries, 16 do
    local entry = string.sub(entries, i, i + 15)
    if newest and older(entry, newest) then entry = newest end
    ordered[#ordered + 1] = entry
    newest = entry
  end
  entries = table.concat(ordered)
  local first = tonumber(dropped)
  dropped = first * 16
  if dropped > 0 and dropped * 2 >= length then
    local kept = redis.call('GETRANGE', key, dropped, -1) .. entries
    if kept == '' then
      redis.call('DEL', key)
      return 0, newest
    end
    redis.call('SET', key, kept)
    first = 0
  elseif entries ~= '' then
    redis.call('APPEND', key, entries)
  end
  redis.call('PEXPIRE', key, retention)
  return first, newest
end
