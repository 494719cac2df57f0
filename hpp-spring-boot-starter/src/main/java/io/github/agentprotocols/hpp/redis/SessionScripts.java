package io.github.agentprotocols.hpp.redis;

import java.util.List;

import io.github.agentprotocols.hpp.HandshakeSession;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of the {@link RedisSessionStore}, each one atomic step on one session
 * laid out as {@link SessionLayout} says. Every session script takes the same keys: the
 * session's hash, the expiry index, the two window logs, the fields hash and the changes
 * list (and, to create, the owner's sessions). A script that finds a session stored by an
 * earlier version (a hash without the token digest) answers {@code O}, and the store
 * falls back to reading and writing the whole session, which moves it to this layout.
 */
final class SessionScripts {

	/** Compares two window log entries as two numbers that Lua holds exactly. */
	private static final String OLDER = """
			local function older(a, b)
			  local x, y = tonumber(string.sub(a, 1, 8), 16), tonumber(string.sub(b, 1, 8), 16)
			  if x ~= y then return x < y end
			  return tonumber(string.sub(a, 9, 16), 16) < tonumber(string.sub(b, 9, 16), 16)
			end
			""";

	/**
	 * Appends entries to a window log and drops the entries that left the window. An
	 * entry older than the newest one logged is logged as that one, which keeps the log
	 * ordered (two instances may append out of order) and counts it as long as the
	 * requests before it, as a log in memory does. The dropped entries are removed only
	 * once they are at least as many as those kept, so the entries copied then are never
	 * more than the entries dropped.
	 */
	private static final String APPEND = """
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
			  dropped = tonumber(dropped) * 16
			  if dropped > 0 and dropped * 2 >= length then
			    local kept = redis.call('GETRANGE', key, dropped, -1) .. entries
			    if kept == '' then
			      redis.call('DEL', key)
			      return
			    end
			    redis.call('SET', key, kept)
			  elseif entries ~= '' then
			    redis.call('APPEND', key, entries)
			  end
			  redis.call('PEXPIRE', key, retention)
			end
			""";

	/**
	 * Finds the first entry of a window log inside the window starting at an entry, by
	 * binary search: answers how many entries left the window, how many are inside and
	 * the oldest of those ('' when none).
	 */
	private static final String SUMMARY = """
			local function summary(key, start)
			  local size = redis.call('STRLEN', key) / 16
			  local first, last = 0, size
			  while first < last do
			    local middle = math.floor((first + last) / 2)
			    if older(redis.call('GETRANGE', key, middle * 16, middle * 16 + 15), start) then
			      first = middle + 1
			    else
			      last = middle
			    end
			  end
			  local oldest = first < size and redis.call('GETRANGE', key, first * 16, first * 16 + 15) or ''
			  return first, size - first, oldest
			end
			""";

	/**
	 * Reads the session's numbers ({@code h}: version, token digest, seconds and
	 * nanoseconds of the idle timer, the time-to-live and the deadline, change stamp,
	 * next field order), tells whether it has expired at a time, and where its keys go
	 * once it changed: its expiry score in milliseconds and how long Redis keeps its keys
	 * (expiry plus grace), computed as the application does with Java's instants.
	 */
	private static final String LIFETIME = """
			local function load()
			  local h = redis.call('HMGET', KEYS[1], 'v', 'k', 'ts', 'tn', 'ls', 'ln', 'es', 'en', 's', 'n')
			  if not h[1] then return nil end
			  return h
			end
			local function later(s1, n1, s2, n2)
			  if s1 ~= s2 then return s1 > s2 end
			  return n1 > n2
			end
			local function idle(h)
			  local s, n = tonumber(h[3]) + tonumber(h[5]), tonumber(h[4]) + tonumber(h[6])
			  if n >= 1000000000 then s, n = s + 1, n - 1000000000 end
			  return s, n
			end
			local function expired(h, nowS, nowN)
			  local s, n = idle(h)
			  return later(nowS, nowN, s, n) or later(nowS, nowN, tonumber(h[7]), tonumber(h[8]))
			end
			local function lifetime(h, nowS, nowN, grace)
			  local s, n = idle(h)
			  if later(s, n, tonumber(h[7]), tonumber(h[8])) then s, n = tonumber(h[7]), tonumber(h[8]) end
			  local ds, dn = s - nowS, n - nowN
			  if dn < 0 then ds, dn = ds - 1, dn + 1000000000 end
			  return string.format('%d', s * 1000 + math.floor(n / 1000000)),
			    math.max(0, ds * 1000 + math.floor(dn / 1000000)) + grace
			end
			local function keep(id, score, retention)
			  for _, key in ipairs({ KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6] }) do
			    redis.call('PEXPIRE', key, retention)
			  end
			  redis.call('ZADD', KEYS[2], score, id)
			  if redis.call('PTTL', KEYS[2]) < retention then redis.call('PEXPIRE', KEYS[2], retention) end
			end
			""";

	/**
	 * The state reply: outcome, version, the two window summaries (empty windows when not
	 * asked for), static JSON, idle timer, time-to-live, change stamp, the number of
	 * field strings, each field's key and entry, then the changes if asked for.
	 */
	private static final String REPLY = """
			local function windows(start)
			  local rf, rc, ro = summary(KEYS[3], start)
			  local ef, ec, eo = summary(KEYS[4], start)
			  return rf .. ':' .. rc .. ':' .. ro, ef .. ':' .. ec .. ':' .. eo
			end
			local function reply(outcome, h, start, withChanges, withWindows)
			  local requests, extensions = '0:0:', '0:0:'
			  if withWindows then requests, extensions = windows(start) end
			  local out = { outcome, h[1], requests, extensions,
			    redis.call('HGET', KEYS[1], 'd'), h[3], h[4], h[5], h[6], h[9] }
			  local fields = redis.call('HGETALL', KEYS[5])
			  out[#out + 1] = tostring(#fields)
			  for i = 1, #fields do out[#out + 1] = fields[i] end
			  if withChanges then
			    local changes = redis.call('LRANGE', KEYS[6], 0, -1)
			    for i = 1, #changes do out[#out + 1] = changes[i] end
			  end
			  return out
			end
			""";

	/**
	 * Stores a whole session from the strings of {@link SessionLayout#encode} at ARGV[o].
	 */
	private static final String PUT = """
			local function put(o, version)
			  local n = tonumber(ARGV[o + 9])
			  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[o], 'k', ARGV[o + 1], 'ts', ARGV[o + 2],
			    'tn', ARGV[o + 3], 'ls', ARGV[o + 4], 'ln', ARGV[o + 5], 'es', ARGV[o + 6], 'en', ARGV[o + 7],
			    's', ARGV[o + 8], 'n', n + 1)
			  redis.call('DEL', KEYS[5], KEYS[6])
			  local first = o + 10
			  for i = first, first + 2 * n - 1, 2 do redis.call('HSET', KEYS[5], ARGV[i], ARGV[i + 1]) end
			  for i = first + 2 * n, #ARGV do redis.call('RPUSH', KEYS[6], ARGV[i]) end
			end
			""";

	private static final String COMMON = OLDER + APPEND + SUMMARY + LIFETIME;

	/**
	 * Creates a session within the caps. ARGV: id, now (ms), cap, owner cap, owner index
	 * lifetime (ms), now (seconds, nanoseconds), grace (ms), the two windows' entries,
	 * then the session. KEYS[7], when given, lists the owner's sessions.
	 */
	static final RedisScript<Long> CREATE = RedisScript.of(COMMON + PUT + """
			if redis.call('ZCOUNT', KEYS[2], ARGV[2], '+inf') >= tonumber(ARGV[3]) then return 0 end
			if KEYS[7] then
			  local live = 0
			  for _, id in ipairs(redis.call('ZRANGE', KEYS[7], 0, -1)) do
			    local expiry = redis.call('ZSCORE', KEYS[2], id)
			    if not expiry then redis.call('ZREM', KEYS[7], id)
			    elseif tonumber(expiry) >= tonumber(ARGV[2]) then live = live + 1 end
			  end
			  if live >= tonumber(ARGV[4]) then return -2 end
			end
			if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
			put(11, 1)
			redis.call('DEL', KEYS[3], KEYS[4])
			local score, retention = lifetime(load(), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))
			append(KEYS[3], 0, ARGV[9], retention)
			append(KEYS[4], 0, ARGV[10], retention)
			keep(ARGV[1], score, retention)
			if KEYS[7] then
			  redis.call('ZADD', KEYS[7], score, ARGV[1])
			  if redis.call('PTTL', KEYS[7]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[7], ARGV[5]) end
			end
			return 1
			""", Long.class);

	/**
	 * Reads a whole session. ARGV: where the window starts. Answers the state reply with
	 * the changes, {@code O} with the version, summaries and JSON of a session of an
	 * earlier version, or an empty list.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> READ = RedisScript.of(
			COMMON + REPLY
					+ """
							local h = load()
							if not h then return {} end
							if not h[2] then
							  local rf, rc, ro = summary(KEYS[3], ARGV[1])
							  local ef, ec, eo = summary(KEYS[4], ARGV[1])
							  return { 'O', h[1], rf .. ':' .. rc .. ':' .. ro, ef .. ':' .. ec .. ':' .. eo, redis.call('HGET', KEYS[1], 'd') }
							end
							return reply('S', h, ARGV[1], true, true)
							""",
			List.class);

	/**
	 * Writes a whole session if its version is unchanged. ARGV: id, version read, now
	 * (seconds, nanoseconds), grace (ms), for each window the entries that left it and
	 * the entries accepted since, then the session. Answers 1, 0 when the version
	 * changed, -1 when the session is gone.
	 */
	static final RedisScript<Long> WRITE = RedisScript.of(COMMON + PUT + """
			local version = redis.call('HGET', KEYS[1], 'v')
			if not version then return -1 end
			if version ~= ARGV[2] then return 0 end
			put(10, tonumber(version) + 1)
			local score, retention = lifetime(load(), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
			append(KEYS[3], ARGV[6], ARGV[7], retention)
			append(KEYS[4], ARGV[8], ARGV[9], retention)
			keep(ARGV[1], score, retention)
			return 1
			""", Long.class);

	/**
	 * Admits an agent request: expired ({@code X}), wrong token ({@code D}), else touches
	 * the idle timer and spends the budget: {@code R} with the budget's summary when it
	 * is spent, else the state reply {@code G}. ARGV: id, now (seconds, nanoseconds,
	 * window entry), where the window starts, digest of the presented token, the index of
	 * the budget's log among KEYS, the limit, grace (ms), 1 to return the changes. With
	 * KEYS[7] and KEYS[8], the delivery list and its reservations, and ARGV[11] to
	 * ARGV[13], a reservation, an admitted request also reserves its batch's place
	 * ({@link RedisPacedDelivery#RESERVING}), or answers {@code B} when the list is full.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> ADMIT = RedisScript.of(COMMON + REPLY + RedisPacedDelivery.RESERVING + """
			local h = load()
			if not h then return {} end
			if not h[2] then return { 'O' } end
			local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
			if expired(h, nowS, nowN) then return { 'X' } end
			if h[2] ~= ARGV[6] then return { 'D' } end
			h[1], h[3], h[4] = tostring(tonumber(h[1]) + 1), ARGV[2], ARGV[3]
			redis.call('HSET', KEYS[1], 'v', h[1], 'ts', h[3], 'tn', h[4])
			local score, retention = lifetime(h, nowS, nowN, tonumber(ARGV[9]))
			local log = KEYS[tonumber(ARGV[7])]
			local first, count, oldest = summary(log, ARGV[5])
			local granted = count < tonumber(ARGV[8])
			if granted then append(log, first, ARGV[4], retention) end
			keep(ARGV[1], score, retention)
			if not granted then return { 'R', first .. ':' .. count .. ':' .. oldest } end
			if KEYS[7] and not reserve(KEYS[7], KEYS[8], ARGV[11], ARGV[12], ARGV[13]) then return { 'B' } end
			return reply('G', h, ARGV[5], ARGV[10] == '1', true)
			""", List.class);

	/**
	 * Writes the agent's values one after the other under the ownership rules: a field
	 * the user owns is refused ({@code R}), a new field beyond the limit too ({@code F}),
	 * any other is written and logged ({@code W}), stamped after every earlier change.
	 * Answers {@code X} for an expired session, else the state reply whose outcome is
	 * {@code A} followed by the outcome of each write. ARGV: id, now (seconds,
	 * nanoseconds, microseconds), where the window starts, grace (ms), 1 to return the
	 * whole session (the changes and the request windows) rather than what the outcome
	 * needs (the fields), the field limit, then for each write the key, the key as JSON
	 * and the value as JSON.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> WRITE_AS_AGENT = RedisScript.of(COMMON + REPLY
			+ """
					local h = load()
					if not h then return {} end
					if not h[2] then return { 'O' } end
					local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
					if expired(h, nowS, nowN) then return { 'X' } end
					local stamp, order = tonumber(h[9]), tonumber(h[10])
					local size = redis.call('HLEN', KEYS[5])
					local outcomes = {}
					for i = 9, #ARGV, 3 do
					  local key, value = ARGV[i], ARGV[i + 2]
					  local current = redis.call('HGET', KEYS[5], key)
					  local position, by, from
					  if current then position, by, from = string.match(current, '^(%d+) (%S+) %d+ (.*)$') end
					  if by == 'user' or by == 'user_edit' then
					    outcomes[#outcomes + 1] = 'R'
					  elseif not current and size >= tonumber(ARGV[8]) then
					    outcomes[#outcomes + 1] = 'F'
					  else
					    if not current then position, order, size = tostring(order), order + 1, size + 1 end
					    stamp = math.max(tonumber(ARGV[4]), stamp + 1)
					    local at = string.format('%d', stamp) .. '000'
					    redis.call('HSET', KEYS[5], key, position .. ' ai ' .. at .. ' ' .. value)
					    redis.call('RPUSH', KEYS[6], '[' .. ARGV[i + 1] .. ',' .. (from or 'null') .. ',' .. value .. ',"ai",' .. at .. ']')
					    outcomes[#outcomes + 1] = 'W'
					  end
					end
					outcomes = table.concat(outcomes)
					if string.find(outcomes, 'W', 1, true) then
					  h[1], h[3], h[4] = tostring(tonumber(h[1]) + 1), ARGV[2], ARGV[3]
					  h[9], h[10] = string.format('%d', stamp), tostring(order)
					  redis.call('HSET', KEYS[1], 'v', h[1], 'ts', h[3], 'tn', h[4], 's', h[9], 'n', h[10])
					  redis.call('LTRIM', KEYS[6], -RETAINED, -1)
					  local score, retention = lifetime(h, nowS, nowN, tonumber(ARGV[6]))
					  keep(ARGV[1], score, retention)
					end
					return reply('A' .. outcomes, h, ARGV[5], ARGV[7] == '1', ARGV[7] == '1')
					"""
				.replace("RETAINED", Integer.toString(HandshakeSession.RETAINED_CHANGES)),
			List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> EXPIRED = RedisScript.of("""
			return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
			""", List.class);

	static final RedisScript<Long> REMOVE = RedisScript.of("""
			local removed = redis.call('DEL', KEYS[1])
			redis.call('DEL', KEYS[3], KEYS[4], KEYS[5], KEYS[6])
			return removed + redis.call('ZREM', KEYS[2], ARGV[1])
			""", Long.class);

	static final RedisScript<Long> REMOVE_UNCHANGED = RedisScript.of("""
			local version = redis.call('HGET', KEYS[1], 'v')
			if version ~= (ARGV[2] ~= '' and ARGV[2] or false) then return 0 end
			redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
			return redis.call('ZREM', KEYS[2], ARGV[1])
			""", Long.class);

	private SessionScripts() {
	}

}
