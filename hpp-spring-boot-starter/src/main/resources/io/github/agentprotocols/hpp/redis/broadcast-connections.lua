-- The connections that watch a session on every instance. KEYS: the session's
-- connection counts.
return watching(KEYS[1])
