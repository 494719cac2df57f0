/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.hpp.redis;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import io.github.agentprotocols.hpp.Admission;
import io.github.agentprotocols.hpp.AgentWrites;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.SessionLimitExceededException;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link SessionStore} in Redis, shared by every instance of the application.
 * <p>
 * Each session is laid out over a few keys ({@link SessionLayout}) so that the engine's
 * frequent operations each run as one script, atomic in Redis, that takes the request and
 * returns the outcome: {@link #admit admitting an agent request} (expiry, token, touch,
 * request budget) and {@link #writeAsAgent the agent's writes} (ownership, field limit,
 * change log), or {@link #admitWrites both for an action} once this instance has admitted
 * the agent's token to the session and so {@link #knownSchema knows its schema}. None
 * reads before it writes, so none retries when requests of the same session race: each
 * costs one round trip whatever the concurrency. Any other update reads the whole
 * session, applies the change in the application and writes it with a script that
 * succeeds only if the session's version is unchanged; on a conflict it reads again and
 * retries, a bounded number of times.
 * <p>
 * The session's two request windows are kept apart, each a {@link WindowLog string of
 * fixed-width entries}: scripts find the requests inside the window at the time of the
 * request from where the window started at the last admission, or by binary search, so
 * the cost of a request does not grow with the rate limit. A sorted set indexes the
 * sessions by expiry time, which bounds the number of live sessions across instances and
 * lets any instance find expired sessions; a sorted set per owner lists the owner's
 * sessions, so that their live ones can be counted against the owner's cap when the owner
 * creates another. A session's keys carry a Redis expiry one minute past the session's
 * own, so Redis drops abandoned sessions even when no instance sweeps; the index expires
 * with the last of them. Sessions stored by an earlier version, as one JSON value, are
 * read as such and move to this layout at their first update.
 * <p>
 * Every command is answered in one reply: reads go through scripts that return the
 * session as a list as a whole. Lettuce's reactive API streams the replies of commands
 * such as {@code HMGET} element by element, and can stop reading the shared connection
 * for good when such a reply arrives split while its subscriber is still being set up on
 * another thread.
 */
public class RedisSessionStore implements SessionStore {

	/** How long a session key outlives the session, so its expiry can be announced. */
	static final Duration GRACE = Duration.ofMinutes(1);

	private static final int MAX_ATTEMPTS = 100;

	private static final String GRACE_MILLIS = Long.toString(GRACE.toMillis());

	private static final String REQUESTS_LOG = "3";

	private static final String EXTENSIONS_LOG = "4";

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final SessionRegisters registers;

	private final FixedParts fixedParts = new FixedParts();

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
		this.registers = new SessionRegisters(redis, keys, maxSessions, maxSessionsPerOwner);
		this.clock = clock;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The session first enters the registers of live sessions ({@link SessionRegisters}),
	 * then one script creates it in its bucket.
	 */
	@Override
	public Mono<Void> create(HandshakeSession session) {
		return reachable(Mono.defer(() -> {
			Instant now = this.clock.instant();
			List<String> args = new ArrayList<>(List.of(session.getId()));
			SessionLayout.addInstant(args, now);
			args.add(GRACE_MILLIS);
			args.add(WindowLog.entries(session.getRequests().accepted()));
			args.add(WindowLog.entries(session.getExtensions().accepted()));
			args.addAll(SessionLayout.encode(session));
			return this.registers.enter(session, now)
				.then(this.redis.execute(SessionScripts.CREATE, keys(session.getId()), args).next())
				.flatMap((outcome) -> (outcome > 0) ? Mono.empty() : this.registers
					.leave(session.getId(), session.getOwner())
					.then(Mono.error(new DuplicateKeyException("Session " + session.getId() + " already exists"))));
		}));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One script: the work runs in the application on the session the script answers,
	 * with the request windows handed over as {@link RequestWindow#ofSummary summaries}
	 * at the time of the request.
	 */
	@Override
	public <T> Mono<Admission.Admitted<T>> admit(String sessionId, Admission admission,
			BiFunction<HandshakeSession, Instant, T> work) {
		return reachable(Mono.defer(() -> {
			Admitting admitting = admitting(sessionId, admission);
			return session(SessionScripts.ADMIT, sessionId, admitting.args())
				.flatMap((reply) -> "O".equals(outcome(reply)) ? SessionStore.super.admit(sessionId, admission, work)
						: Mono.just(admitted(reply, admission, admitting, work)));
		}));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One script when the delivery is a {@link RedisPacedDelivery}, which must then use
	 * the same Redis: the admission reserves the batch's place in the delivery's list.
	 */
	@Override
	public <T> Mono<Admission.Admitted<PacedDelivery.Reserved<T>>> admitAction(String sessionId, Admission admission,
			BiFunction<HandshakeSession, Instant, T> work, PacedDelivery delivery) {
		if (!(delivery instanceof RedisPacedDelivery redisDelivery)) {
			return SessionStore.super.admitAction(sessionId, admission, work, delivery);
		}
		return reachable(Mono.defer(() -> reserving(SessionScripts.ADMIT, admitting(sessionId, admission), admission,
				List.of(), redisDelivery, null, (reply, session) -> work.apply(session, admission.now()),
				() -> SessionStore.super.admitAction(sessionId, admission, work, delivery))));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The schema of a session this instance has admitted the token to.
	 */
	@Override
	public @Nullable ArrayNode knownSchema(String sessionId, @Nullable String token) {
		FixedPart part = (token != null) ? this.fixedParts.admitted(sessionId, SessionLayout.tokenDigest(token)) : null;
		return (part != null) ? part.schema() : null;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One script when the delivery is a {@link RedisPacedDelivery}, which must then use
	 * the same Redis: the admission reserves the batch's place and the writes follow in
	 * the same step. An unpaced batch is published in that step too, when every write is
	 * applied, nothing of the session waits for delivery, this instance has admitted the
	 * token before (it knows the required keys) and the delivery publishes at once
	 * ({@link RedisPacedDelivery#publication}); its place is then filled.
	 */
	@Override
	public Mono<Admission.Admitted<PacedDelivery.Reserved<AgentWrites>>> admitWrites(String sessionId,
			Admission admission, List<AgentWrites.Write> writes, HandshakeSession.WritePolicy policy,
			boolean copySession, AgentWrites.@Nullable UnpacedBatch batch, PacedDelivery delivery) {
		if (!(delivery instanceof RedisPacedDelivery redisDelivery)) {
			return SessionStore.super.admitWrites(sessionId, admission, writes, policy, copySession, batch, delivery);
		}
		return reachable(Mono.defer(() -> {
			Admitting admitting = admitting(sessionId, admission);
			FixedPart known = admitting.known();
			RedisPacedDelivery.Publication publication = (batch != null && known != null)
					? redisDelivery.publication(sessionId) : null;
			List<String> args = new ArrayList<>(5 + 3 * writes.size());
			args.add(Long.toString(SessionLayout.micros(admission.now())));
			args.add(copySession ? "1" : "0");
			args.add(Integer.toString(policy.maxFields()));
			if (publication != null) {
				args.add(batch.streamed() ? "1" : "0");
				args.add(Integer.toString(known.required().size() / 2));
				args.addAll(known.required());
			}
			else {
				args.add("");
				args.add("0");
			}
			addWrites(args, writes);
			return reserving(SessionScripts.ADMIT_WRITE, admitting, admission, args, redisDelivery, publication,
					(reply, session) -> written(reply, session, copySession),
					() -> SessionStore.super.admitWrites(sessionId, admission, writes, policy, copySession, batch,
							delivery));
		}));
	}

	/**
	 * Runs an admission script that also reserves the batch's place in the delivery's
	 * list, with more arguments after the reservation's, and may publish the batch at
	 * once: a session stored by an earlier version goes the way of the given fallback, a
	 * full list is refused, and an admitted request's value is made from the reply and
	 * its session, with the reserved place, or the place filled when the reply's outcome
	 * ends with + and the connections that watched the session as the batch was
	 * published.
	 */
	@SuppressWarnings("rawtypes")
	private <T> Mono<Admission.Admitted<PacedDelivery.Reserved<T>>> reserving(RedisScript<List> script,
			Admitting admitting, Admission admission, List<String> more, RedisPacedDelivery delivery,
			RedisPacedDelivery.@Nullable Publication publication, BiFunction<List<?>, HandshakeSession, T> value,
			Supplier<Mono<Admission.Admitted<PacedDelivery.Reserved<T>>>> earlierLayout) {
		String sessionId = admitting.sessionId();
		RedisPacedDelivery.Reservation reservation = delivery.reservation(sessionId);
		List<String> keys = new ArrayList<>(keys(sessionId));
		keys.addAll(reservation.keys());
		List<String> args = new ArrayList<>(admitting.args());
		args.addAll(reservation.args());
		args.addAll(more);
		if (publication != null) {
			keys.addAll(publication.keys());
		}
		return session((publication != null) ? publication.script(script) : script, keys, args)
			.flatMap((reply) -> switch (outcome(reply)) {
				case "O" -> earlierLayout.get();
				case "B" -> delivery.refused(sessionId);
				default -> Mono.just(admitted(reply, admission, admitting,
						(session, now) -> new PacedDelivery.Reserved<>(value.apply(reply, session),
								slot(reply, reservation, publication))));
			});
	}

	/**
	 * The place of an admitted request's batch: filled when the script published it.
	 */
	private static PacedDelivery.Slot slot(List<?> reply, RedisPacedDelivery.Reservation reservation,
			RedisPacedDelivery.@Nullable Publication publication) {
		String outcome = outcome(reply);
		int codes = writeCodesEnd(outcome);
		return (publication != null && codes < outcome.length())
				? publication.published(Integer.parseInt(outcome.substring(codes + 1))) : reservation.slot();
	}

	/**
	 * Where the write codes of an outcome end: at the {@code +} before the connections
	 * counted as the script published the batch, else at its end.
	 */
	private static int writeCodesEnd(String outcome) {
		int published = outcome.indexOf('+');
		return (published < 0) ? outcome.length() : published;
	}

	/**
	 * The arguments of an admission script, which ask for the session's fixed part only
	 * when this instance has not admitted the token to the session before.
	 */
	private Admitting admitting(String sessionId, Admission admission) {
		Instant now = admission.now();
		String tokenDigest = SessionLayout.tokenDigest(admission.token());
		FixedPart known = this.fixedParts.admitted(sessionId, tokenDigest);
		List<String> args = new ArrayList<>(10);
		args.add(sessionId);
		SessionLayout.addInstant(args, now);
		args.add(WindowLog.entry(now));
		args.add(WindowLog.windowStart(now));
		args.add(tokenDigest);
		args.add((admission.budget() == Admission.Budget.REQUESTS) ? REQUESTS_LOG : EXTENSIONS_LOG);
		args.add(Integer.toString(admission.limit()));
		args.add(GRACE_MILLIS);
		args.add(Integer.toString((admission.readsChanges() ? 1 : 0) + ((known != null) ? 2 : 0)));
		return new Admitting(sessionId, tokenDigest, args, known);
	}

	/**
	 * The outcome of an admission script whose arguments began with those of
	 * {@link #admitting}; a granted one's session teaches this instance the fixed part
	 * for the token.
	 */
	private <T> Admission.Admitted<T> admitted(List<?> reply, Admission admission, Admitting admitting,
			BiFunction<HandshakeSession, Instant, T> work) {
		return switch (outcome(reply)) {
			case "X" -> new Admission.Admitted<>(Admission.Outcome.EXPIRED, null, 0);
			case "D" -> new Admission.Admitted<>(Admission.Outcome.DENIED, null, 0);
			case "R" -> new Admission.Admitted<>(Admission.Outcome.LIMITED, null,
					summary(reply, 1).window().retryAfterSeconds(admission.now()));
			default -> {
				HandshakeSession session = session(reply, fixedPart(admitting.sessionId(), admitting.known()));
				this.fixedParts.admit(admitting.sessionId(), admitting.tokenDigest());
				yield new Admission.Admitted<>(Admission.Outcome.GRANTED, work.apply(session, admission.now()), 0);
			}
		};
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One script, which answers the session after the writes.
	 */
	@Override
	public Mono<AgentWrites> writeAsAgent(String sessionId, List<AgentWrites.Write> writes,
			HandshakeSession.WritePolicy policy, Instant now, boolean copySession) {
		return reachable(Mono.defer(() -> {
			List<String> args = new ArrayList<>(8 + 3 * writes.size());
			args.add(sessionId);
			SessionLayout.addInstant(args, now);
			args.add(Long.toString(SessionLayout.micros(now)));
			args.add(WindowLog.windowStart(now));
			args.add(GRACE_MILLIS);
			args.add(copySession ? "1" : "0");
			args.add(Integer.toString(policy.maxFields()));
			addWrites(args, writes);
			return session(SessionScripts.WRITE_AS_AGENT, sessionId, args)
				.flatMap((reply) -> switch (outcome(reply).charAt(0)) {
					case 'O' -> SessionStore.super.writeAsAgent(sessionId, writes, policy, now, copySession);
					case 'X' -> Mono.just(AgentWrites.EXPIRED);
					default -> Mono.just(written(reply, session(reply, fixedPart(sessionId)), copySession));
				});
		}));
	}

	private static void addWrites(List<String> args, List<AgentWrites.Write> writes) {
		for (AgentWrites.Write write : writes) {
			args.add(write.key());
			args.add(HppJson.write(JsonNodeFactory.instance.stringNode(write.key())));
			args.add(HppJson.write(write.value()));
		}
	}

	private static AgentWrites written(List<?> reply, HandshakeSession session, boolean copySession) {
		String codes = outcome(reply);
		int end = writeCodesEnd(codes);
		List<HandshakeSession.WriteOutcome> outcomes = new ArrayList<>(end - 1);
		for (int i = 1; i < end; i++) {
			outcomes.add(switch (codes.charAt(i)) {
				case 'W' -> HandshakeSession.WriteOutcome.WRITTEN;
				case 'R' -> HandshakeSession.WriteOutcome.REFUSED;
				default -> HandshakeSession.WriteOutcome.FIELD_LIMIT;
			});
		}
		return new AgentWrites(false, outcomes, session.missing(), new LinkedHashMap<>(session.getFields()),
				copySession ? session : null);
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
			List<String> before = stored.encoded() ? SessionLayout.encode(session) : List.of();
			T result = change.apply(session);
			List<String> state = SessionLayout.encode(session);
			String requests = WindowLog.entries(session.getRequests().listed());
			String extensions = WindowLog.entries(session.getExtensions().listed());
			if (state.equals(before) && requests.isEmpty() && extensions.isEmpty()) {
				return Mono.justOrEmpty(result);
			}
			List<String> args = new ArrayList<>(List.of(sessionId, stored.version()));
			SessionLayout.addInstant(args, this.clock.instant());
			args.addAll(List.of(GRACE_MILLIS, Integer.toString(stored.requests().dropped()), requests,
					Integer.toString(stored.extensions().dropped()), extensions));
			args.addAll(state);
			return this.redis.execute(SessionScripts.WRITE, keys(sessionId), args).next().flatMap((outcome) -> {
				if (outcome > 0) {
					return Mono.justOrEmpty(result);
				}
				if (outcome < 0) {
					return Mono.empty();
				}
				if (attempt >= MAX_ATTEMPTS) {
					return Mono.error(new OptimisticLockingFailureException(
							"Session " + sessionId + " kept changing; gave up after " + MAX_ATTEMPTS + " attempts"));
				}
				return Mono.delay(backoff(attempt))
					.then(Mono.defer(() -> attempt(sessionId, change, now, attempt + 1)));
			});
		});
	}

	@Override
	public Mono<Boolean> remove(String sessionId) {
		return reachable(this.redis.execute(SessionScripts.REMOVE, keys(sessionId), List.of(sessionId))
			.next()
			.doOnNext((reply) -> this.fixedParts.removed(sessionId))
			.flatMap((reply) -> this.registers.leave(sessionId, FixedPart.owner((String) reply.get(1)))
				.thenReturn((Long) reply.get(0) > 0)));
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
		return Flux.range(0, RedisKeys.BUCKETS)
			.concatMap((bucket) -> this.redis.execute(SessionScripts.EXPIRED, List.of(this.keys.sessions(bucket)),
					List.of(score(now.plusMillis(1)))))
			.concatMapIterable((sessionIds) -> (List<?>) sessionIds)
			.concatMap((sessionId) -> removeIfExpired((String) sessionId, now))
			.onErrorMap(RedisSessionStore::isOutage, RedisSessionStore::unavailable);
	}

	private Mono<String> removeIfExpired(String sessionId, Instant now) {
		return read(sessionId, now).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.filter((stored) -> stored.isEmpty() || stored.get().session().isExpired(now))
			.flatMap((stored) -> this.redis
				.execute(SessionScripts.REMOVE_UNCHANGED, keys(sessionId),
						List.of(sessionId, stored.map(Stored::version).orElse("")))
				.next()
				.filter((removed) -> removed > 0)
				.doOnNext((removed) -> this.fixedParts.removed(sessionId))
				.flatMap((removed) -> this.registers
					.leave(sessionId, stored.map((found) -> found.session().getOwner()).orElse(null))
					.thenReturn(sessionId)));
	}

	@Override
	public Mono<Long> count() {
		return reachable(this.registers.count(this.clock.instant()));
	}

	private Mono<Stored> read(String sessionId, Instant now) {
		return session(SessionScripts.READ, sessionId, List.of(WindowLog.windowStart(now)))
			.map((reply) -> Stored.of(reply, fixedPart(sessionId)));
	}

	/**
	 * Runs a script that answers a list about a session, or an empty list when there is
	 * no such session.
	 */
	@SuppressWarnings("rawtypes")
	private Mono<List<?>> session(RedisScript<List> script, String sessionId, List<String> args) {
		return session(script, keys(sessionId), args);
	}

	@SuppressWarnings("rawtypes")
	private Mono<List<?>> session(RedisScript<List> script, List<String> keys, List<String> args) {
		return this.redis.execute(script, keys, args)
			.next()
			.<List<?>>map((reply) -> reply)
			.filter((reply) -> !reply.isEmpty() && reply.get(0) != null);
	}

	/**
	 * Reads the fixed part of a session's JSON, or takes it from those known.
	 */
	private Function<String, FixedPart> fixedPart(String sessionId) {
		return fixedPart(sessionId, null);
	}

	/**
	 * The same, or the given part when a script answered no JSON because this instance
	 * knows it.
	 */
	private Function<String, FixedPart> fixedPart(String sessionId, @Nullable FixedPart known) {
		return (json) -> (json.isEmpty() && known != null) ? known : this.fixedParts.read(sessionId, json);
	}

	private List<String> keys(String sessionId) {
		return List.of(this.keys.session(sessionId), this.keys.sessions(sessionId), this.keys.requests(sessionId),
				this.keys.extensions(sessionId), this.keys.fields(sessionId), this.keys.changes(sessionId));
	}

	private static String outcome(List<?> reply) {
		return (String) reply.get(0);
	}

	private static WindowLog.Summary summary(List<?> reply, int index) {
		return WindowLog.Summary.parse(((String) reply.get(index)).split(":", -1), 0);
	}

	/**
	 * The session of a script's state reply. A reply of another shape than the scripts
	 * give (seen once, a list where a string belongs, as Lettuce reconnected to the new
	 * master during a Sentinel failover) is answered as the store being unavailable for a
	 * moment, 503 to retry, with the reply's shape in the message; never a 500.
	 */
	static HandshakeSession session(List<?> reply, Function<String, FixedPart> fixedPart) {
		try {
			return SessionLayout.decode(reply, fixedPart, summary(reply, 2).window(), summary(reply, 3).window());
		}
		catch (ClassCastException | IndexOutOfBoundsException | IllegalArgumentException | NullPointerException
				| DateTimeException | JacksonException ex) {
			throw new SessionStoreUnavailableException(
					"Redis answered a script with a reply of another shape " + reply.stream()
						.map((element) -> (element != null) ? element.getClass().getSimpleName() : "null")
						.toList(),
					ex);
		}
	}

	private static <T> Mono<T> reachable(Mono<T> operation) {
		return operation.onErrorMap(RedisSessionStore::isOutage, RedisSessionStore::unavailable);
	}

	private static boolean isOutage(Throwable ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException
				|| RedisClusterRetry.isTransient(ex) || RedisClusterRetry.isMasterSwitch(ex);
	}

	private static Throwable unavailable(Throwable ex) {
		return new SessionStoreUnavailableException("Redis is unreachable: " + ex.getMessage(), ex);
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
	 * The arguments of an admission script and the fixed part of the session that this
	 * instance knows for the token, which the script then does not answer.
	 *
	 * @param sessionId the session id
	 * @param tokenDigest the digest of the presented token
	 * @param args the arguments
	 * @param known the fixed part, or {@code null} when the script answers it
	 */
	private record Admitting(String sessionId, String tokenDigest, List<String> args, @Nullable FixedPart known) {

	}

	/**
	 * A session as read whole, with its version and window summaries.
	 *
	 * @param version the version
	 * @param requests the request window's summary
	 * @param extensions the extend window's summary
	 * @param session the session
	 * @param encoded whether it is stored in this store's layout, rather than as the JSON
	 * of an earlier version
	 */
	private record Stored(String version, WindowLog.Summary requests, WindowLog.Summary extensions,
			HandshakeSession session, boolean encoded) {

		static Stored of(List<?> reply, Function<String, FixedPart> fixedPart) {
			WindowLog.Summary requests = summary(reply, 2);
			WindowLog.Summary extensions = summary(reply, 3);
			boolean encoded = !"O".equals(outcome(reply));
			HandshakeSession session = encoded
					? SessionLayout.decode(reply, fixedPart, requests.window(), extensions.window())
					: SessionCodec.decode((String) reply.get(4), requests.window(), extensions.window());
			return new Stored((String) reply.get(1), requests, extensions, session, encoded);
		}

	}

}
