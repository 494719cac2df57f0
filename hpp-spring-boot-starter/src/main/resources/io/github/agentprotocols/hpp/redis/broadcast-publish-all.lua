-- Publishes messages to a channel in order. KEYS: the channel; ARGV: the messages.
-- Answers how many.
for i = 1, #ARGV do redis.call('PUBLISH', KEYS[1], ARGV[i]) end
return #ARGV
