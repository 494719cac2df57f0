-- Takes the batches to deliver next while this instance holds the lease. KEYS: list,
-- lease; ARGV: this instance, lease lifetime (ms), run, prefix.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {} end
return take(KEYS[1], KEYS[2], ARGV[2], ARGV[3], ARGV[4])
