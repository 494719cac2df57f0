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

package io.github.agentprotocols.hpp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol engine: every operation of the Handshake Prompt Protocol, independent of
 * the web layer. Each method takes parsed request data and completes with the response
 * body, or fails with a {@link HandshakeException} carrying status and error message.
 * Applications call it directly, for example to {@link #prompt build a prompt}.
 * <p>
 * Each operation composes the engine's parts in the order of the protocol's checks: agent
 * access (token and rate budget), the user-edit policy, the application's hooks, the
 * session's own rules of ownership and lifetime, expiry and the wire shapes of the
 * responses; an action request goes through the engine's action pipeline,
 * {@code AgentActions}.
 */
public class HandshakeManager {

	private static final Log logger = LogFactory.getLog(HandshakeManager.class);

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final int DIFF_DEFAULT_LIMIT = 50;

	private static final String HTTP = "http";

	private final SessionStore store;

	private final SessionBroadcast broadcast;

	private final HandshakeSettings settings;

	private final PromptBuilder promptBuilder;

	private final HandshakeMetrics metrics;

	private final Clock clock;

	private final SessionJson json;

	private final Credentials credentials = new Credentials();

	private final SharedSchemas schemas = new SharedSchemas();

	private final FieldSizeLimits fieldSizes;

	private final HookRunner hooks;

	private final UserEditPolicy userEdits;

	private final SessionExpiry expiry;

	private final AgentAccess agentAccess;

	private final AgentActions actions;

	private final HandshakeObservations observations;

	private HandshakeManager(Builder builder) {
		this.store = builder.store;
		this.broadcast = builder.broadcast;
		this.settings = builder.settings;
		this.promptBuilder = (builder.promptBuilder != null) ? builder.promptBuilder
				: new DefaultPromptBuilder(this.settings.paths().prefix());
		this.metrics = builder.metrics;
		this.clock = builder.clock;
		this.json = new SessionJson(this.settings.zone());
		this.fieldSizes = new FieldSizeLimits(this.settings.limits());
		this.hooks = new HookRunner(builder.hooks);
		this.userEdits = new UserEditPolicy(this.settings.bindUserEditsToOwner(), builder.originPolicy,
				builder.hooks.browserAuth());
		this.expiry = new SessionExpiry(this.store, this.broadcast, this.metrics, this.clock);
		this.agentAccess = new AgentAccess(this.store, this.expiry, this.settings, this.metrics, this.clock);
		this.actions = new AgentActions(this.store, this.broadcast, builder.delivery, this.settings, this.agentAccess,
				this.hooks, new FieldValidation(builder.validator), this.fieldSizes, this.expiry, this.metrics,
				this.json, this.clock);
		this.observations = builder.observations;
	}

	/**
	 * Starts a manager on the given store, broadcast and delivery, with default settings,
	 * no hooks, the built-in type check, the default prompt, no allowed origins besides
	 * the application's own, no metrics, no observations and the system clock until set
	 * otherwise.
	 * @param store where sessions live
	 * @param broadcast fan-out to WebSocket connections
	 * @param delivery paced delivery of action batches
	 * @return the builder
	 */
	public static Builder builder(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery) {
		return new Builder(store, broadcast, delivery);
	}

	/**
	 * Return the settings this manager applies to every session.
	 * @return the settings
	 */
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
		return this.observations.observe(HppObservationDocumentation.SESSION_CREATE, HTTP, null, Mono.defer(() -> {
			CreateRequest create = CreateRequest.parse(body, this.settings.limits(), this.fieldSizes);
			HandshakeSession session = HandshakeSession.open(this.credentials.sessionId(), this.credentials.token(),
					create.mode(), create.schema(), create.meta(), create.context(), this.settings.ttl(),
					this.settings.maxLifetime(), this.clock.instant());
			session.setOwner(request.principalName());
			this.hooks.createSession(session, request);
			session.shareSchema(this.schemas);
			if (this.settings.requireOwner() && session.getOwner() == null) {
				throw new HandshakeException(401, "authentication required");
			}
			return this.store.create(session)
				.onErrorMap(SessionLimitExceededException.class,
						(ex) -> ex.isOwnerLimit() ? new HandshakeException(429, "too many sessions")
								: new HandshakeException(503, "too many sessions", 60))
				.then(Mono.fromSupplier(() -> {
					this.metrics.sessionCreated();
					return this.json.created(session, this.settings.paths(),
							Math.min(this.settings.ttl().getSeconds(), this.settings.maxLifetime().getSeconds()));
				}));
		}));
	}

	/**
	 * {@code GET {prefix}/context/{sid}}: the session's schema, values and missing keys.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @return the session dict
	 */
	public Mono<ObjectNode> context(String sessionId, @Nullable String token) {
		return this.observations.observe(HppObservationDocumentation.CONTEXT, HTTP, sessionId,
				this.agentAccess.request(sessionId, token, false, (session, now) -> new Read(session.view(), now))
					.map((read) -> this.json.session(read.session(), read.at())));
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
		return this.agentAccess.request(sessionId, token, (session, now) -> {
			if (!sinceText.isEmpty() && sinceInstant.isEmpty()) {
				return Optional.<ObjectNode>empty();
			}
			List<Change> changes = sinceInstant.map(session::changesAfter)
				.orElseGet(() -> session.recentChanges(DIFF_DEFAULT_LIMIT));
			return Optional.of(this.json.diff(session.getId(), sinceText, changes));
		}).map((response) -> response.orElseThrow(() -> HandshakeException.badRequest("invalid since")));
	}

	/**
	 * {@code POST {prefix}/action/{sid}}: applies the agent's actions and queues their
	 * events for paced delivery.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param body the request body, read only after the session, token and rate checks,
	 * or after the token check alone once the store knows the session's schema for the
	 * token ({@link SessionStore#knownSchema})
	 * @param request the request, for hooks
	 * @return the action response
	 */
	public Mono<ObjectNode> action(String sessionId, @Nullable String token, Mono<ObjectNode> body,
			HandshakeRequest request) {
		return this.observations.observe(HppObservationDocumentation.ACTION, HTTP, sessionId,
				this.actions.action(sessionId, token, body, request));
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
		return this.observations.observe(HppObservationDocumentation.NOTIFY, HTTP, sessionId,
				notifyChecked(sessionId, body, request));
	}

	private Mono<ObjectNode> notifyChecked(String sessionId, Mono<ObjectNode> body, HandshakeRequest request) {
		return liveSnapshot(sessionId).flatMap((snapshot) -> {
			this.userEdits.checkNotify(snapshot, request);
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
			String problem = this.fieldSizes.check(key.stringValue(), value);
			if (problem != null) {
				return Mono.error(HandshakeException.badRequest(problem));
			}
			return writeAsUser(sessionId, key.stringValue(), value).map((outcome) -> {
				if (outcome == HandshakeSession.WriteOutcome.FIELD_LIMIT) {
					throw HandshakeException.badRequest("too many fields in session");
				}
				return SessionJson.ok();
			});
		});
	}

	/**
	 * {@code DELETE {prefix}/session/{sid}}: ends a session at the user's request. The
	 * session is removed and its WebSocket connections, on every instance, receive
	 * {@code {"type":"error","msg":"session closed"}} and are closed. A session with an
	 * owner may be closed only by its owner from an allowed origin, like a user edit; any
	 * other session by whoever presents its token. The {@link BrowserAuth} hooks must
	 * pass in both cases.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param request the request, checked against the session's owner and the
	 * {@link BrowserAuth} hooks
	 * @return {@code {"ok": true}}
	 */
	public Mono<ObjectNode> close(String sessionId, @Nullable String token, HandshakeRequest request) {
		return liveSnapshot(sessionId).flatMap((snapshot) -> {
			this.userEdits.checkClose(snapshot, token, request);
			return end(sessionId);
		}).flatMap((ended) -> ended ? Mono.just(SessionJson.ok()) : Mono.error(HandshakeException.sessionNotFound()));
	}

	/**
	 * Ends a session as its browser's close does, without its token or the hooks' checks:
	 * for an operator (the starter's actuator endpoint). Its connections are told
	 * {@code session closed}.
	 * @param sessionId the session id
	 * @return whether there was such a session
	 */
	public Mono<Boolean> end(String sessionId) {
		return this.store.remove(sessionId).flatMap((removed) -> {
			if (!removed) {
				return Mono.just(false);
			}
			this.metrics.sessionClosed();
			return this.broadcast.publish(sessionId, HandshakeEvent.error("session closed")).onErrorResume((ex) -> {
				logger.warn("Could not announce the closing of a handshake session", ex);
				return Mono.empty();
			}).thenReturn(true);
		});
	}

	/**
	 * A copy of a live session, for an operator (the starter's actuator endpoint); an
	 * expired one is ended as any request would.
	 * @param sessionId the session id
	 * @return the copy, or empty when there is no live session of that id
	 */
	public Mono<HandshakeSession> session(String sessionId) {
		return liveSnapshot(sessionId).onErrorResume(HandshakeException.class,
				(ex) -> (ex.getStatus() == 404) ? Mono.empty() : Mono.error(ex));
	}

	private Mono<HandshakeSession> liveSnapshot(String sessionId) {
		Instant now = this.clock.instant();
		return this.store
			.update(sessionId,
					(session) -> session.isExpired(now) ? Optional.<HandshakeSession>empty()
							: Optional.of(session.copy()))
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((snapshot) -> snapshot.map(Mono::just).orElseGet(() -> this.expiry.expireAndRefuse(sessionId)));
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
		return this.observations.observe(HppObservationDocumentation.EXTEND, HTTP, sessionId,
				extendChecked(sessionId, token, body, request));
	}

	private Mono<ObjectNode> extendChecked(String sessionId, @Nullable String token, Mono<ObjectNode> body,
			HandshakeRequest request) {
		return this.agentAccess.extension(sessionId, token, (session, now) -> session.copy())
			.flatMap((snapshot) -> body.map((payload) -> decideExtension(snapshot, payload, request)))
			.flatMap((extra) -> this.store.update(sessionId, (session) -> {
				Instant now = this.clock.instant();
				if (session.isExpired(now)) {
					return Optional.<long[]>empty();
				}
				long granted = session.extendWithinLifetime(extra, now);
				return Optional.of(new long[] { granted, (granted > 0) ? session.expiresIn(now) : 0 });
			}))
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((outcome) -> {
				if (outcome.isEmpty()) {
					return this.expiry.expireAndRefuse(sessionId);
				}
				long[] grant = outcome.get();
				if (grant[0] == 0) {
					return Mono.error(HandshakeException.extensionDenied());
				}
				return this.broadcast.publish(sessionId, HandshakeEvent.extended(grant[1]))
					.onErrorResume((ex) -> Mono.empty())
					.thenReturn(SessionJson.extended(grant[0], grant[1]));
			});
	}

	private long decideExtension(HandshakeSession snapshot, ObjectNode payload, HandshakeRequest request) {
		long extra = ExtraSeconds.of(payload.get("extraSeconds"));
		if (extra < 1 || extra > HookRunner.MAX_EXTRA_SECONDS) {
			throw HandshakeException.badRequest("extraSeconds must be between 1 and 86400");
		}
		return this.hooks.extend(snapshot, extra, request);
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
			return Optional
				.of(new Connection(sessionId, session.getMode(), this.userEdits.mayEdit(session, request), null));
		})
			.flatMap((connection) -> connection.map(Mono::just)
				.orElseGet(() -> this.expiry.expire(sessionId).then(Mono.empty())))
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
		if (!connection.mayEdit() || !key.isString() || this.fieldSizes.check(key.stringValue(), value) != null) {
			return Mono.empty();
		}
		return this.observations.observe(HppObservationDocumentation.NOTIFY, "websocket", connection.sessionId(),
				writeAsUser(connection.sessionId(), key.stringValue(), value).then());
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
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound));
	}

	/**
	 * Removes expired sessions and tells their connections.
	 * @return the number of sessions removed
	 */
	public Mono<Integer> removeExpired() {
		return this.expiry.removeExpired();
	}

	private Mono<HandshakeSession.WriteOutcome> writeAsUser(String sessionId, String key, JsonNode value) {
		Instant now = this.clock.instant();
		return this.store
			.update(sessionId,
					(session) -> session.isExpired(now) ? Optional.<HandshakeSession.WriteOutcome>empty()
							: Optional.of(session.write(key, value, FieldOwner.USER, this.settings.writePolicy(), now)))
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((outcome) -> outcome.map(Mono::just).orElseGet(() -> this.expiry.expireAndRefuse(sessionId)));
	}

	/**
	 * A session read within an update, to be rendered after it.
	 *
	 * @param session a {@linkplain HandshakeSession#view view} of the session
	 * @param at the time of the update
	 */
	private record Read(HandshakeSession session, Instant at) {

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

	/**
	 * Builds a {@link HandshakeManager}.
	 */
	public static final class Builder {

		private final SessionStore store;

		private final SessionBroadcast broadcast;

		private final PacedDelivery delivery;

		private HandshakeSettings settings = HandshakeSettings.defaults();

		private Hooks hooks = Hooks.none();

		private ValueValidator validator = ValueValidator.builtIn();

		private @Nullable PromptBuilder promptBuilder;

		private OriginPolicy originPolicy = new OriginPolicy(List.of());

		private HandshakeMetrics metrics = HandshakeMetrics.NONE;

		private HandshakeObservations observations = HandshakeObservations.NOOP;

		private Clock clock = Clock.systemUTC();

		private Builder(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery) {
			this.store = store;
			this.broadcast = broadcast;
			this.delivery = delivery;
		}

		/**
		 * Sets the protocol settings.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(HandshakeSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Sets the application's hooks.
		 * @param hooks the hooks
		 * @return this builder
		 */
		public Builder hooks(Hooks hooks) {
			this.hooks = hooks;
			return this;
		}

		/**
		 * Sets the type check of field values.
		 * @param validator the validator
		 * @return this builder
		 */
		public Builder validator(ValueValidator validator) {
			this.validator = validator;
			return this;
		}

		/**
		 * Sets what builds handshake prompts; by default a {@link DefaultPromptBuilder}
		 * for the settings' HTTP prefix.
		 * @param promptBuilder the prompt builder
		 * @return this builder
		 */
		public Builder promptBuilder(PromptBuilder promptBuilder) {
			this.promptBuilder = promptBuilder;
			return this;
		}

		/**
		 * Sets the origins allowed to act for a session's owner.
		 * @param originPolicy the policy
		 * @return this builder
		 */
		public Builder originPolicy(OriginPolicy originPolicy) {
			this.originPolicy = originPolicy;
			return this;
		}

		/**
		 * Sets what receives counts.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(HandshakeMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Sets what observes the operations.
		 * @param observations the observations
		 * @return this builder
		 */
		public Builder observations(HandshakeObservations observations) {
			this.observations = observations;
			return this;
		}

		/**
		 * Sets the clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Builds the manager.
		 * @return the manager
		 */
		public HandshakeManager build() {
			return new HandshakeManager(this);
		}

	}

}
