-- The ids in a register of live sessions, in one reply. KEYS: the register.
return redis.call('ZRANGE', KEYS[1], 0, -1)
