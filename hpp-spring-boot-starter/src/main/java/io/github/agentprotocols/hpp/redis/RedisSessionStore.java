package io.github.agentprotocols.hpp.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.SessionLimitExceededException;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link SessionStore} in Redis, shared by every instance of the application.
 * <p>
 * Each session is a hash holding its {@link SessionCodec JSON state} and a version. An
 * update reads both, applies the change in the application and writes the new state with
 * a script that succeeds only if the version is unchanged; on a conflict it reads again
 * and retries, a bounded number of times. The session's two request windows are kept
 * apart, each a {@link WindowLog string of fixed-width entries}: the read returns only a
 * summary of each (the requests inside the window and the oldest of them, found by binary
 * search at the store's clock), and the write appends the requests accepted since and
 * drops the ones that left the window, so the cost of an update does not grow with the
 * rate limit. Sessions stored with their windows in the JSON keep them until their next
 * write moves them out. A sorted set indexes the sessions by expiry time, which bounds
 * the number of live sessions across instances and lets any instance find expired
 * sessions; a sorted set per owner lists the owner's sessions, so that their live ones
 * can be counted against the owner's cap when the owner creates another. Session keys
 * carry a Redis expiry one minute past the session's own, so Redis drops abandoned
 * sessions even when no instance sweeps; the index expires with the last of them.
 * <p>
 * Every command is answered in one reply: reads go through scripts that return the
 * version, the window summaries and the state as one string, or a list as a whole.
 * Lettuce's reactive API streams the replies of commands such as {@code HMGET} element by
 * element, and can stop reading the shared connection for good when such a reply arrives
 * split while its subscriber is still being set up on another thread.
 */
public class RedisSessionStore implements SessionStore {

	/** How long a session key outlives the session, so its expiry can be announced. */
	static final Duration GRACE = Duration.ofMinutes(1);

	private static final int MAX_ATTEMPTS = 100;

	/**
	 * Lua function telling whether one window log entry is older than another, comparing
	 * each entry as two numbers that Lua holds exactly.
	 */
	private static final String OLDER = """
			local function older(a, b)
			  local x, y = tonumber(string.sub(a, 1, 8), 16), tonumber(string.sub(b, 1, 8), 16)
			  if x ~= y then return x < y end
			  return tonumber(string.sub(a, 9, 16), 16) < tonumber(string.sub(b, 9, 16), 16)
			end
			""";

	/**
	 * Lua function appending entries to a window log and dropping the entries that left
	 * the window. An entry older than the newest one logged is logged as that one, which
	 * keeps the log ordered (two instances may append out of order) and counts it as long
	 * as the requests before it, as a log in memory does. The dropped entries are removed
	 * only once they are at least as many as those kept, so the entries copied then are
	 * never more than the entries dropped.
	 */
	private static final String APPEND = OLDER + """
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

	private static final RedisScript<Long> CREATE = RedisScript.of(APPEND + """
			if redis.call('ZCOUNT', KEYS[2], ARGV[5], '+inf') >= tonumber(ARGV[6]) then return 0 end
			if KEYS[5] then
			  local live = 0
			  for _, id in ipairs(redis.call('ZRANGE', KEYS[5], 0, -1)) do
			    local expiry = redis.call('ZSCORE', KEYS[2], id)
			    if not expiry then redis.call('ZREM', KEYS[5], id)
			    elseif tonumber(expiry) >= tonumber(ARGV[5]) then live = live + 1 end
			  end
			  if live >= tonumber(ARGV[7]) then return -2 end
			end
			if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
			redis.call('HSET', KEYS[1], 'v', 1, 'd', ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			redis.call('DEL', KEYS[3], KEYS[4])
			append(KEYS[3], 0, ARGV[9], ARGV[4])
			append(KEYS[4], 0, ARGV[10], ARGV[4])
			redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
			if KEYS[5] then
			  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1])
			  if redis.call('PTTL', KEYS[5]) < tonumber(ARGV[8]) then redis.call('PEXPIRE', KEYS[5], ARGV[8]) end
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of(APPEND + """
			local version = redis.call('HGET', KEYS[1], 'v')
			if not version then return -1 end
			if version ~= ARGV[2] then return 0 end
			redis.call('HSET', KEYS[1], 'v', tonumber(version) + 1, 'd', ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[5])
			append(KEYS[3], ARGV[6], ARGV[7], ARGV[5])
			append(KEYS[4], ARGV[8], ARGV[9], ARGV[5])
			redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
			return 1
			""", Long.class);

	private static final RedisScript<String> READ = RedisScript.of(OLDER + """
			local version = redis.call('HGET', KEYS[1], 'v')
			local state = redis.call('HGET', KEYS[1], 'd')
			if not version or not state then return false end
			local function summary(key)
			  local size = redis.call('STRLEN', key) / 16
			  local first, last = 0, size
			  while first < last do
			    local middle = math.floor((first + last) / 2)
			    if older(redis.call('GETRANGE', key, middle * 16, middle * 16 + 15), ARGV[1]) then
			      first = middle + 1
			    else
			      last = middle
			    end
			  end
			  local oldest = first < size and redis.call('GETRANGE', key, first * 16, first * 16 + 15) or ''
			  return first .. ':' .. (size - first) .. ':' .. oldest
			end
			return version .. ':' .. summary(KEYS[2]) .. ':' .. summary(KEYS[3]) .. ':' .. state
			""", String.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> EXPIRED = RedisScript.of("""
			return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
			""", List.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			local removed = redis.call('DEL', KEYS[1])
			redis.call('DEL', KEYS[3], KEYS[4])
			return removed + redis.call('ZREM', KEYS[2], ARGV[1])
			""", Long.class);

	private static final RedisScript<Long> REMOVE_UNCHANGED = RedisScript.of("""
			local version = redis.call('HGET', KEYS[1], 'v')
			if version ~= (ARGV[2] ~= '' and ARGV[2] or false) then return 0 end
			redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
			return redis.call('ZREM', KEYS[2], ARGV[1])
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final int maxSessions;

	private final int maxSessionsPerOwner;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param redis the Redis client
	 * @param keys the key names
	 * @param maxSessions the maximum number of live sessions across all instances
	 * @param maxSessionsPerOwner the maximum number of live sessions of one owner across
	 * all instances, or 0 for no limit
	 * @param clock the clock that expiry times are computed with
	 */
	public RedisSessionStore(ReactiveStringRedisTemplate redis, RedisKeys keys, int maxSessions,
			int maxSessionsPerOwner, Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.maxSessions = maxSessions;
		this.maxSessionsPerOwner = maxSessionsPerOwner;
		this.clock = clock;
	}

	@Override
	public Mono<Void> create(HandshakeSession session) {
		return reachable(Mono.defer(() -> {
			Instant now = this.clock.instant();
			Instant expiry = expiry(session);
			String owner = session.getOwner();
			List<String> keys = new ArrayList<>(keys(session.getId()));
			if (owner != null && this.maxSessionsPerOwner > 0) {
				keys.add(this.keys.owner(owner));
			}
			return this.redis.execute(CREATE, keys,
					List.of(session.getId(), SessionCodec.encodeWithoutWindows(session), score(expiry),
							retention(expiry, now), Long.toString(now.toEpochMilli()),
							Integer.toString(this.maxSessions), Integer.toString(this.maxSessionsPerOwner),
							retention(session.getDeadline(), now), WindowLog.entries(session.getRequests().accepted()),
							WindowLog.entries(session.getExtensions().accepted())))
				.next()
				.flatMap((outcome) -> {
					if (outcome == 0) {
						return Mono.error(new SessionLimitExceededException(this.maxSessions));
					}
					if (outcome == -2) {
						return Mono.error(new SessionLimitExceededException(owner, this.maxSessionsPerOwner));
					}
					if (outcome < 0) {
						return Mono.error(new DuplicateKeyException("Session " + session.getId() + " already exists"));
					}
					return Mono.empty();
				});
		}));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The session's request windows are handed over as {@link RequestWindow#ofSummary
	 * summaries} read at the store's clock when the update starts.
	 */
	@Override
	public <T> Mono<T> update(String sessionId, Function<HandshakeSession, T> change) {
		return reachable(Mono.defer(() -> attempt(sessionId, change, this.clock.instant(), 1)));
	}

	private <T> Mono<T> attempt(String sessionId, Function<HandshakeSession, T> change, Instant now, int attempt) {
		return read(sessionId, now).flatMap((stored) -> {
			HandshakeSession session = stored.session();
			T result = change.apply(session);
			String state = SessionCodec.encodeWithoutWindows(session);
			String requests = WindowLog.entries(session.getRequests().listed());
			String extensions = WindowLog.entries(session.getExtensions().listed());
			if (state.equals(stored.state()) && requests.isEmpty() && extensions.isEmpty()) {
				return Mono.justOrEmpty(result);
			}
			Instant expiry = expiry(session);
			return this.redis
				.execute(COMPARE_AND_SET, keys(sessionId),
						List.of(sessionId, stored.version(), state, score(expiry),
								retention(expiry, this.clock.instant()), Integer.toString(stored.requests().dropped()),
								requests, Integer.toString(stored.extensions().dropped()), extensions))
				.next()
				.flatMap((outcome) -> {
					if (outcome > 0) {
						return Mono.justOrEmpty(result);
					}
					if (outcome < 0) {
						return Mono.empty();
					}
					if (attempt >= MAX_ATTEMPTS) {
						return Mono.error(new OptimisticLockingFailureException("Session " + sessionId
								+ " kept changing; gave up after " + MAX_ATTEMPTS + " attempts"));
					}
					return Mono.delay(backoff(attempt))
						.then(Mono.defer(() -> attempt(sessionId, change, now, attempt + 1)));
				});
		});
	}

	@Override
	public Mono<Boolean> remove(String sessionId) {
		return reachable(
				this.redis.execute(REMOVE, keys(sessionId), List.of(sessionId)).next().map((removed) -> removed > 0));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Sessions whose keys Redis has already dropped count as removed here, so that their
	 * expiry is still announced. When several instances sweep at once, each session is
	 * reported by exactly one of them.
	 */
	@Override
	public Flux<String> removeExpired(Instant now) {
		return this.redis.execute(EXPIRED, List.of(this.keys.sessions()), List.of(score(now.plusMillis(1))))
			.concatMapIterable((sessionIds) -> (List<?>) sessionIds)
			.concatMap((sessionId) -> removeIfExpired((String) sessionId, now))
			.onErrorMap(RedisSessionStore::isOutage, RedisSessionStore::unavailable);
	}

	private Mono<String> removeIfExpired(String sessionId, Instant now) {
		return read(sessionId, now).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.filter((stored) -> stored.isEmpty() || stored.get().session().isExpired(now))
			.flatMap((stored) -> this.redis
				.execute(REMOVE_UNCHANGED, keys(sessionId), List.of(sessionId, stored.map(Stored::version).orElse("")))
				.next())
			.filter((removed) -> removed > 0)
			.map((removed) -> sessionId);
	}

	@Override
	public Mono<Long> count() {
		return reachable(this.redis.opsForZSet().size(this.keys.sessions()));
	}

	private Mono<Stored> read(String sessionId, Instant now) {
		return this.redis
			.execute(READ,
					List.of(this.keys.session(sessionId), this.keys.requests(sessionId),
							this.keys.extensions(sessionId)),
					List.of(WindowLog.windowStart(now)))
			.next()
			.map(Stored::parse);
	}

	private List<String> keys(String sessionId) {
		return List.of(this.keys.session(sessionId), this.keys.sessions(), this.keys.requests(sessionId),
				this.keys.extensions(sessionId));
	}

	private static <T> Mono<T> reachable(Mono<T> operation) {
		return operation.onErrorMap(RedisSessionStore::isOutage, RedisSessionStore::unavailable);
	}

	private static boolean isOutage(Throwable ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException;
	}

	private static Throwable unavailable(Throwable ex) {
		return new SessionStoreUnavailableException("Redis is unreachable: " + ex.getMessage(), ex);
	}

	private static Instant expiry(HandshakeSession session) {
		Instant idle = session.getLastTouch().plus(session.getTtl());
		return idle.isBefore(session.getDeadline()) ? idle : session.getDeadline();
	}

	private static String score(Instant expiry) {
		return Long.toString(expiry.toEpochMilli());
	}

	private static String retention(Instant expiry, Instant now) {
		long millis = Math.max(0, Duration.between(now, expiry).toMillis()) + GRACE.toMillis();
		return Long.toString(millis);
	}

	private static Duration backoff(int attempt) {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20)));
	}

	/**
	 * A session as read: {@code version:requests:extensions:state}, each window a
	 * {@link WindowLog.Summary}.
	 */
	private record Stored(String version, WindowLog.Summary requests, WindowLog.Summary extensions, String state) {

		static Stored parse(String reply) {
			int state = 1 + 2 * WindowLog.Summary.FIELDS;
			String[] fields = reply.split(":", state + 1);
			return new Stored(fields[0], WindowLog.Summary.parse(fields, 1),
					WindowLog.Summary.parse(fields, 1 + WindowLog.Summary.FIELDS), fields[state]);
		}

		HandshakeSession session() {
			return SessionCodec.decode(this.state, this.requests.window(), this.extensions.window());
		}

	}

}
