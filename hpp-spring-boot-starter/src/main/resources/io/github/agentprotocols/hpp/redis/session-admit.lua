-- Admits an agent request (admitting.lua): answers its refusal, or the state reply G.
-- ARGV: those of admit, then 1 to return the changes.
local h = load()
if not h then return {} end
if not h[2] then return { 'O' } end
local refused, known = admit(h)
if refused then return refused end
return reply('G', h, ARGV[5], ARGV[10] == '1', true, known)
