-- Admits an agent request (admitting.lua): answers its refusal, or the state reply G.
-- ARGV: those of admit, then flags: 1 to return the changes, plus 2 when the application
-- knows the session's static JSON.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local refused, known = admit(h)
if refused then return refused end
local flags = tonumber(ARGV[10])
return reply('G', h, ARGV[5], flags % 2 == 1, true, known, flags >= 2)
