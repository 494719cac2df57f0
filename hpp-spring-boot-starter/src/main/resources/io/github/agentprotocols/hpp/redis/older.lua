-- Compares two window log entries as two numbers that Lua holds exactly.
local function older(a, b)
  local x, y = tonumber(string.sub(a, 1, 8), 16), tonumber(string.sub(b, 1, 8), 16)
  if x ~= y then return x < y end
  return tonumber(string.sub(a, 9, 16), 16) < tonumber(string.sub(b, 9, 16), 16)
end
