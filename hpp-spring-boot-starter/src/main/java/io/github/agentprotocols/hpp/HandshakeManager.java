package io.github.agentprotocols.hpp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.SessionJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol engine: every operation of the Handshake Prompt Protocol, independent of
 * the web layer. Each method takes parsed request data and completes with the response
 * body, or fails with a {@link HandshakeException} carrying status and error message.
 * Applications call it directly, for example to {@link #prompt build a prompt}.
 */
public class HandshakeManager {

	private static final Log logger = LogFactory.getLog(HandshakeManager.class);

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final long MAX_EXTRA_SECONDS = 86400;

	private static final int DIFF_DEFAULT_LIMIT = 50;

	private static final String SESSION_NOT_FOUND = "session not found or expired";

	private static final String BROWSER_AUTH_FAILED = "browser auth failed";

	private final SecureRandom random = new SecureRandom();

	private final SessionStore store;

	private final SessionBroadcast broadcast;

	private final PacedDelivery delivery;

	private final HandshakeSettings settings;

	private final Hooks hooks;

	private final FieldValidation validation;

	private final PromptBuilder promptBuilder;

	private final HandshakeMetrics metrics;

	private final Clock clock;

	private final SessionJson json;

	private final OriginPolicy originPolicy;

	/**
	 * Creates a manager.
	 * @param store where sessions live
	 * @param broadcast fan-out to WebSocket connections
	 * @param delivery paced delivery of action batches
	 * @param settings protocol settings
	 * @param hooks application hooks
	 * @param validator the type check of field values
	 * @param promptBuilder builds handshake prompts
	 * @param originPolicy origins allowed to act for a session's owner
	 * @param metrics receives counts
	 * @param clock the clock
	 */
	public HandshakeManager(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery,
			HandshakeSettings settings, Hooks hooks, ValueValidator validator, PromptBuilder promptBuilder,
			OriginPolicy originPolicy, HandshakeMetrics metrics, Clock clock) {
		this.store = store;
		this.broadcast = broadcast;
		this.delivery = delivery;
		this.settings = settings;
		this.hooks = hooks;
		this.validation = new FieldValidation(validator);
		this.promptBuilder = promptBuilder;
		this.originPolicy = originPolicy;
		this.metrics = metrics;
		this.clock = clock;
		this.json = new SessionJson(settings.zone());
	}

	public HandshakeSettings getSettings() {
		return this.settings;
	}

	/**
	 * {@code POST {prefix}/session}: creates a session.
	 * @param body the request body
	 * @param request the request, for hooks and the owner
	 * @return the create response with id, token and URLs
	 */
	public Mono<ObjectNode> createSession(ObjectNode body, HandshakeRequest request) {
		return Mono.defer(() -> {
			JsonNode mode = body.has("mode") ? body.get("mode") : nodes.stringNode("default");
			ArrayNode schema = SessionSchema.check(body.get("schema"), this.settings.limits());
			ObjectNode context = objectOrEmpty(body.get("context"), "context");
			ObjectNode meta = objectOrEmpty(body.get("meta"), "meta");
			if (context.size() > this.settings.limits().maxFields()) {
				throw HandshakeException.badRequest("context has too many fields");
			}
			for (Map.Entry<String, JsonNode> entry : context.properties()) {
				String problem = checkSize(entry.getKey(), entry.getValue());
				if (problem != null) {
					throw HandshakeException.badRequest(problem + ": " + abbreviate(entry.getKey()));
				}
			}
			HandshakeSession session = HandshakeSession.open(newSessionId(), newToken(), mode, schema, meta, context,
					this.settings.ttl(), this.settings.maxLifetime(), this.clock.instant());
			session.setOwner(request.principalName());
			for (CreateSessionHook hook : this.hooks.createSession()) {
				try {
					hook.onCreateSession(session, request);
				}
				catch (RuntimeException ex) {
					throw new HandshakeException(403, Hooks.messageOf(ex));
				}
			}
			if (this.settings.requireOwner() && session.getOwner() == null) {
				throw new HandshakeException(401, "authentication required");
			}
			return this.store.create(session)
				.onErrorMap(SessionLimitExceededException.class,
						(ex) -> ex.isOwnerLimit() ? new HandshakeException(429, "too many sessions")
								: new HandshakeException(503, "too many sessions", 60))
				.then(Mono.fromSupplier(() -> {
					this.metrics.sessionCreated();
					return createResponse(session);
				}));
		});
	}

	/**
	 * {@code GET {prefix}/context/{sid}}: the session's schema, values and missing keys.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @return the session dict
	 */
	public Mono<ObjectNode> context(String sessionId, @Nullable String token) {
		return withAgentAccess(sessionId, token, Budget.REQUESTS, this.json::session);
	}

	/**
	 * {@code GET {prefix}/diff/{sid}}: the change log.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param since only changes after this timestamp; null or empty for the newest 50
	 * @return the diff response
	 */
	public Mono<ObjectNode> diff(String sessionId, @Nullable String token, @Nullable String since) {
		String sinceText = (since != null) ? since : "";
		Optional<Instant> sinceInstant = sinceText.isEmpty() ? Optional.empty()
				: Since.parse(sinceText, this.settings.zone());
		return withAgentAccess(sessionId, token, Budget.REQUESTS, (session, now) -> {
			if (!sinceText.isEmpty() && sinceInstant.isEmpty()) {
				return Optional.<ObjectNode>empty();
			}
			List<Change> changes = sinceInstant.map(session::changesAfter)
				.orElseGet(() -> session.recentChanges(DIFF_DEFAULT_LIMIT));
			ObjectNode response = nodes.objectNode();
			response.put("sessionId", session.getId());
			response.put("since", sinceText);
			response.set("changes", this.json.changes(changes));
			return Optional.of(response);
		}).map((response) -> response.orElseThrow(() -> HandshakeException.badRequest("invalid since")));
	}

	/**
	 * {@code POST {prefix}/action/{sid}}: applies the agent's actions and queues their
	 * events for paced delivery.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param body the request body, read only after the session, token and rate checks
	 * @param request the request, for hooks
	 * @return the action response
	 */
	public Mono<ObjectNode> action(String sessionId, @Nullable String token, Mono<ObjectNode> body,
			HandshakeRequest request) {
		return withAgentAccess(sessionId, token, Budget.REQUESTS, (session, now) -> session.copy())
			.flatMap((snapshot) -> body.flatMap((payload) -> {
				ActionBatch batch = ActionBatch.parse(payload, this.settings.pacing());
				List<ActionBatch.Step> steps = batch.check(snapshot, request, this.hooks.action(), this.validation,
						this::checkSize);
				return this.store
					.update(sessionId,
							(session) -> batch.apply(session, steps, this.settings.writePolicy(), this.clock.instant(),
									this.json))
					.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)))
					.flatMap((result) -> finishBatch(sessionId, batch, result));
			}));
	}

	private Mono<ObjectNode> finishBatch(String sessionId, ActionBatch batch, ActionBatch.Result result) {
		if (result.expired()) {
			return expire(sessionId).then(Mono.error(new HandshakeException(404, SESSION_NOT_FOUND)));
		}
		List<HandshakeEvent> events = batch.stream()
				? result.applied().stream().map((step) -> HandshakeEvent.action(step.key(), step.value())).toList()
				: List.of();
		Mono<Void> queued = this.delivery
			.enqueue(sessionId,
					new PacedBatch(events,
							HandshakeEvent.done(result.applied().size(), result.rejected(), result.missing()),
							batch.pause(events.size())))
			.onErrorResume((ex) -> {
				logger.warn("Could not queue the events of an action batch", ex);
				return Mono.empty();
			});
		List<String> applied = result.applied().stream().map(ActionBatch.Step::key).toList();
		for (DoneHook hook : this.hooks.done()) {
			try {
				hook.onDone(result.session(), applied, result.rejected(), result.errors().deepCopy());
			}
			catch (RuntimeException ex) {
				logger.warn("Done hook failed", ex);
			}
		}
		this.metrics.actions(applied.size(), result.rejected().size(), result.errors().size());
		return queued.then(this.broadcast.connections(sessionId).onErrorReturn(0)).map((clients) -> {
			ObjectNode response = nodes.objectNode();
			response.put("ok", true);
			response.set("applied", SessionJson.strings(applied));
			response.set("rejected", SessionJson.strings(result.rejected()));
			response.set("errors", result.errors());
			response.set("missing", SessionJson.strings(result.missing()));
			response.set("context", result.context());
			ObjectNode diagnostics = response.putObject("broadcast");
			diagnostics.put("clients", clients);
			diagnostics.put("actionMessages", events.size() * clients);
			diagnostics.put("doneMessages", clients);
			return response;
		});
	}

	/**
	 * {@code POST {prefix}/notify/{sid}}: a user edit reported by the browser over HTTP.
	 * @param sessionId the session id
	 * @param body the request body, read after the session and browser checks
	 * @param request the request, checked against the session's owner and the
	 * {@link BrowserAuth} hooks
	 * @return {@code {"ok": true}}
	 */
	public Mono<ObjectNode> notify(String sessionId, Mono<ObjectNode> body, HandshakeRequest request) {
		return liveSnapshot(sessionId).flatMap((snapshot) -> {
			if (!mayEditAsUser(snapshot, request) || !browserAuthPasses(snapshot, request)) {
				return Mono.error(new HandshakeException(403, BROWSER_AUTH_FAILED));
			}
			return body;
		}).flatMap((payload) -> {
			JsonNode key = payload.get("key");
			if (key == null || key.isNull()) {
				return Mono.error(HandshakeException.badRequest("key is required"));
			}
			if (!key.isString()) {
				return Mono.error(HandshakeException.badRequest("key must be a string"));
			}
			JsonNode value = payload.has("value") ? payload.get("value") : nodes.nullNode();
			String problem = checkSize(key.stringValue(), value);
			if (problem != null) {
				return Mono.error(HandshakeException.badRequest(problem));
			}
			return writeAsUser(sessionId, key.stringValue(), value).map((outcome) -> {
				if (outcome == HandshakeSession.WriteOutcome.FIELD_LIMIT) {
					throw HandshakeException.badRequest("too many fields in session");
				}
				return nodes.objectNode().put("ok", true);
			});
		});
	}

	/**
	 * {@code DELETE {prefix}/session/{sid}}: ends a session at the user's request. The
	 * session is removed and its WebSocket connections, on every instance, receive
	 * {@code {"type":"error","msg":"session closed"}} and are closed. A session bound to
	 * its creator may be closed only by that principal from an allowed origin, like a
	 * user edit; any other session by whoever presents its token. The {@link BrowserAuth}
	 * hooks must pass in both cases.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param request the request, checked against the session's owner and the
	 * {@link BrowserAuth} hooks
	 * @return {@code {"ok": true}}
	 */
	public Mono<ObjectNode> close(String sessionId, @Nullable String token, HandshakeRequest request) {
		return liveSnapshot(sessionId).flatMap((snapshot) -> {
			if (isBoundToOwner(snapshot)) {
				if (!mayEditAsUser(snapshot, request)) {
					return Mono.error(new HandshakeException(403, BROWSER_AUTH_FAILED));
				}
			}
			else if (!snapshot.tokenMatches(token)) {
				return Mono.error(HandshakeException.invalidToken());
			}
			if (!browserAuthPasses(snapshot, request)) {
				return Mono.error(new HandshakeException(403, BROWSER_AUTH_FAILED));
			}
			return this.store.remove(sessionId);
		}).flatMap((removed) -> {
			if (!removed) {
				return Mono.error(new HandshakeException(404, SESSION_NOT_FOUND));
			}
			this.metrics.sessionClosed();
			return this.broadcast.publish(sessionId, HandshakeEvent.error("session closed")).onErrorResume((ex) -> {
				logger.warn("Could not announce the closing of a handshake session", ex);
				return Mono.empty();
			}).thenReturn(nodes.objectNode().put("ok", true));
		});
	}

	private Mono<HandshakeSession> liveSnapshot(String sessionId) {
		Instant now = this.clock.instant();
		return this.store
			.update(sessionId,
					(session) -> session.isExpired(now) ? Optional.<HandshakeSession>empty()
							: Optional.of(session.copy()))
			.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)))
			.flatMap((snapshot) -> snapshot.isPresent() ? Mono.just(snapshot.get())
					: expire(sessionId).then(Mono.error(new HandshakeException(404, SESSION_NOT_FOUND))));
	}

	/**
	 * {@code POST {prefix}/session/{sid}/extend}: grows the session's idle time-to-live.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param body the request body, read after the session, token and rate checks
	 * @param request the request, for hooks
	 * @return {@code {"ok": true, "extended": <seconds>, "expiresIn": <seconds>}}
	 */
	public Mono<ObjectNode> extend(String sessionId, @Nullable String token, Mono<ObjectNode> body,
			HandshakeRequest request) {
		return withAgentAccess(sessionId, token, Budget.EXTENSIONS, (session, now) -> session.copy())
			.flatMap((snapshot) -> body.map((payload) -> decideExtension(snapshot, payload, request)))
			.flatMap((extra) -> this.store.update(sessionId, (session) -> {
				Instant now = this.clock.instant();
				if (session.isExpired(now)) {
					return Optional.<long[]>empty();
				}
				long room = Duration.between(now, session.getDeadline()).minus(session.getTtl()).getSeconds();
				long granted = Math.min(extra, room);
				if (granted <= 0) {
					return Optional.of(new long[] { 0, 0 });
				}
				session.extend(granted, now);
				return Optional.of(new long[] { granted, session.expiresIn(now) });
			}))
			.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)))
			.flatMap((outcome) -> {
				if (outcome.isEmpty()) {
					return expire(sessionId).then(Mono.error(new HandshakeException(404, SESSION_NOT_FOUND)));
				}
				long[] grant = outcome.get();
				if (grant[0] == 0) {
					return Mono.error(new HandshakeException(403, "extension denied by server policy"));
				}
				return this.broadcast.publish(sessionId, HandshakeEvent.extended(grant[1]))
					.onErrorResume((ex) -> Mono.empty())
					.thenReturn(
							nodes.objectNode().put("ok", true).put("extended", grant[0]).put("expiresIn", grant[1]));
			});
	}

	private long decideExtension(HandshakeSession snapshot, ObjectNode payload, HandshakeRequest request) {
		long extra = ExtraSeconds.of(payload.get("extraSeconds"));
		if (extra < 1 || extra > MAX_EXTRA_SECONDS) {
			throw HandshakeException.badRequest("extraSeconds must be between 1 and 86400");
		}
		for (ExtendHook hook : this.hooks.extend()) {
			ExtensionDecision decision;
			try {
				decision = hook.onExtend(snapshot, extra, request);
			}
			catch (RuntimeException ex) {
				throw new HandshakeException(403, Hooks.messageOf(ex));
			}
			if (decision != null && !decision.allowed()) {
				throw new HandshakeException(403, "extension denied by server policy");
			}
			if (decision != null && decision.extraSeconds() > 0) {
				extra = Math.min(decision.extraSeconds(), MAX_EXTRA_SECONDS);
			}
		}
		return extra;
	}

	/**
	 * Authenticates a WebSocket connection and refreshes the session.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param request the upgrade request
	 * @return the accepted connection, or the error to report before closing
	 */
	public Mono<Connection> connect(String sessionId, @Nullable String token, HandshakeRequest request) {
		Instant now = this.clock.instant();
		return this.store.update(sessionId, (session) -> {
			if (session.isExpired(now)) {
				return Optional.<Connection>empty();
			}
			if (!session.tokenMatches(token)) {
				return Optional.of(Connection.refused("invalid token"));
			}
			session.touch(now);
			return Optional.of(new Connection(sessionId, session.getMode(), mayEditAsUser(session, request), null));
		})
			.flatMap((connection) -> connection.map(Mono::just).orElseGet(() -> expire(sessionId).then(Mono.empty())))
			.defaultIfEmpty(Connection.refused("session not found"));
	}

	/**
	 * A user edit received over an accepted WebSocket connection. Ignored when the
	 * connection may not edit, the key is not a string or the value is too large.
	 * @param connection the connection
	 * @param key the field key
	 * @param value the value
	 * @return completes when written
	 */
	public Mono<Void> userEdit(Connection connection, JsonNode key, JsonNode value) {
		if (!connection.mayEdit() || !key.isString() || checkSize(key.stringValue(), value) != null) {
			return Mono.empty();
		}
		return writeAsUser(connection.sessionId(), key.stringValue(), value).then();
	}

	/**
	 * Builds the handshake prompt of a session, for the application to show the user.
	 * @param sessionId the session id
	 * @param baseUrl the URL the agent reaches the application at
	 * @param instructions task instructions, or null
	 * @return the prompt; fails with 404 if the session is gone
	 */
	public Mono<String> prompt(String sessionId, String baseUrl, @Nullable String instructions) {
		Instant now = this.clock.instant();
		return this.store
			.update(sessionId,
					(session) -> session.isExpired(now) ? Optional.<String>empty()
							: Optional.of(this.promptBuilder.build(session.copy(), baseUrl, instructions,
									session.expiresIn(now))))
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)));
	}

	/**
	 * Removes expired sessions and tells their connections.
	 * @return the number of sessions removed
	 */
	public Mono<Integer> removeExpired() {
		return this.store.removeExpired(this.clock.instant())
			.concatMap((sessionId) -> announceExpiry(sessionId).thenReturn(sessionId))
			.count()
			.map((count) -> {
				this.metrics.sessionsExpired(count.intValue());
				return count.intValue();
			});
	}

	private Mono<HandshakeSession.WriteOutcome> writeAsUser(String sessionId, String key, JsonNode value) {
		Instant now = this.clock.instant();
		return this.store
			.update(sessionId,
					(session) -> session.isExpired(now) ? Optional.<HandshakeSession.WriteOutcome>empty()
							: Optional.of(session.write(key, value, FieldOwner.USER, this.settings.writePolicy(), now)))
			.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)))
			.flatMap((outcome) -> outcome.map(Mono::just)
				.orElseGet(() -> expire(sessionId).then(Mono.error(new HandshakeException(404, SESSION_NOT_FOUND)))));
	}

	private boolean isBoundToOwner(HandshakeSession session) {
		return session.getOwner() != null && this.settings.bindUserEditsToOwner();
	}

	private boolean mayEditAsUser(HandshakeSession session, HandshakeRequest request) {
		if (!isBoundToOwner(session)) {
			return true;
		}
		return session.getOwner().equals(request.principalName()) && this.originPolicy.allows(request.headers());
	}

	private boolean browserAuthPasses(HandshakeSession session, HandshakeRequest request) {
		for (BrowserAuth auth : this.hooks.browserAuth()) {
			try {
				if (!auth.authorize(request, session)) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Browser auth hook failed", ex);
				return false;
			}
		}
		return true;
	}

	private <T> Mono<T> withAgentAccess(String sessionId, @Nullable String token, Budget budget,
			BiFunction<HandshakeSession, Instant, T> work) {
		Instant now = this.clock.instant();
		return this.store.update(sessionId, (session) -> {
			if (session.isExpired(now)) {
				return Access.<T>of(Access.Outcome.EXPIRED);
			}
			if (!session.tokenMatches(token)) {
				return Access.<T>of(Access.Outcome.DENIED);
			}
			session.touch(now);
			RequestWindow window = (budget == Budget.REQUESTS) ? session.getRequests() : session.getExtensions();
			int limit = (budget == Budget.REQUESTS) ? this.settings.rateLimitPerMinute()
					: this.settings.extendRateLimitPerMinute();
			if (!window.tryAcquire(now, limit)) {
				return new Access<T>(Access.Outcome.LIMITED, null, window.retryAfterSeconds(now));
			}
			return new Access<>(Access.Outcome.GRANTED, work.apply(session, now), 0);
		})
			.switchIfEmpty(Mono.error(() -> new HandshakeException(404, SESSION_NOT_FOUND)))
			.flatMap((access) -> switch (access.outcome()) {
				case GRANTED -> Mono.just(access.value());
				case EXPIRED -> expire(sessionId).then(Mono.error(new HandshakeException(404, SESSION_NOT_FOUND)));
				case DENIED -> Mono.error(HandshakeException.invalidToken());
				case LIMITED -> {
					this.metrics.rateLimited();
					yield Mono.error(new HandshakeException(429, "rate limit exceeded", access.retryAfterSeconds()));
				}
			});
	}

	private Mono<Void> expire(String sessionId) {
		return this.store.remove(sessionId).flatMap((removed) -> {
			if (!removed) {
				return Mono.empty();
			}
			this.metrics.sessionsExpired(1);
			return announceExpiry(sessionId);
		});
	}

	private Mono<Void> announceExpiry(String sessionId) {
		return this.broadcast.publish(sessionId, HandshakeEvent.error("session expired")).onErrorResume((ex) -> {
			logger.warn("Could not announce the expiry of a handshake session", ex);
			return Mono.empty();
		});
	}

	private ObjectNode createResponse(HandshakeSession session) {
		HandshakeSettings.Paths paths = this.settings.paths();
		String http = paths.advertisedPrefix() + paths.prefix();
		String sid = session.getId();
		ObjectNode response = nodes.objectNode();
		response.put("sessionId", sid);
		response.put("token", session.getToken());
		response.put("wsUrl", paths.advertisedPrefix() + paths.wsPrefix() + "/" + sid);
		response.put("contextUrl", http + "/context/" + sid);
		response.put("actionUrl", http + "/action/" + sid);
		response.put("diffUrl", http + "/diff/" + sid);
		response.put("notifyUrl", http + "/notify/" + sid);
		response.put("expiresIn", Math.min(this.settings.ttl().getSeconds(), this.settings.maxLifetime().getSeconds()));
		return response;
	}

	private @Nullable String checkSize(String key, JsonNode value) {
		if (key.length() > this.settings.limits().maxKeyLength()) {
			return "key too long";
		}
		if (value.toString().getBytes(StandardCharsets.UTF_8).length > this.settings.limits().maxValueBytes()) {
			return "value too large";
		}
		return null;
	}

	private static ObjectNode objectOrEmpty(@Nullable JsonNode node, String name) {
		if (node == null || node.isNull()) {
			return nodes.objectNode();
		}
		if (!node.isObject()) {
			throw HandshakeException.badRequest(name + " must be an object");
		}
		return (ObjectNode) node;
	}

	private static String abbreviate(String key) {
		return (key.length() > 64) ? key.substring(0, 64) + "..." : key;
	}

	private String newSessionId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private String newToken() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private enum Budget {

		REQUESTS, EXTENSIONS

	}

	private record Access<T>(Outcome outcome, @Nullable T value, long retryAfterSeconds) {

		static <T> Access<T> of(Outcome outcome) {
			return new Access<>(outcome, null, 0);
		}

		enum Outcome {

			GRANTED, EXPIRED, DENIED, LIMITED

		}

	}

	/**
	 * The result of a WebSocket connect.
	 *
	 * @param sessionId the session id
	 * @param mode the session's mode, or null when refused
	 * @param mayEdit whether user edits over this connection are accepted
	 * @param error the error to report before closing, or null when accepted
	 */
	public record Connection(String sessionId, @Nullable JsonNode mode, boolean mayEdit, @Nullable String error) {

		static Connection refused(String error) {
			return new Connection("", null, false, error);
		}

		/**
		 * Whether the connection was accepted.
		 * @return true if accepted
		 */
		public boolean accepted() {
			return this.error == null;
		}

	}

}
