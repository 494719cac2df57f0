-- Publishes the frames of a run of batches in order, then takes the batches to deliver
-- next while this instance holds the lease. KEYS: channel, list, lease; ARGV: this
-- instance, lease lifetime (ms), run, prefix, then the messages.
for i = 5, #ARGV do redis.call('PUBLISH', KEYS[1], ARGV[i]) end
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return {} end
return take(KEYS[2], KEYS[3], ARGV[2], ARGV[3], ARGV[4])
