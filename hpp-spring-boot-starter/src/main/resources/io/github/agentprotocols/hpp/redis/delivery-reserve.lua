-- Reserves a batch's place in a session's delivery list. KEYS: list, reservations;
-- ARGV: reservation id, reservation lifetime (ms), bound. Answers 1, or 0 when full.
return reserve(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3]) and 1 or 0
