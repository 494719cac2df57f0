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
import java.util.List;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's action requests ({@code POST action}, spec §6) from admission to answer:
 * admits the request with the place of its batch in the session's delivery backlog
 * reserved, reads the body, checks the batch's actions against the session, the hooks and
 * the field rules, writes them as the agent in one step, then queues the batch's
 * {@code action} and {@code done} events for paced delivery, runs the done hooks, counts
 * the actions and answers. The place is released however the request ends. A store that
 * knows the session's schema for the agent's token lets the body be read and checked
 * first, and the admission, the reservation and the writes be one step (with the batch's
 * publication too, when its events are not paced and nothing of the session waits).
 */
final class AgentActions {

	/** Logs as the engine, whose part this is. */
	private static final Log logger = LogFactory.getLog(HandshakeManager.class);

	private final SessionStore store;

	private final SessionBroadcast broadcast;

	private final PacedDelivery delivery;

	private final HandshakeSettings settings;

	private final AgentAccess agentAccess;

	private final HookRunner hooks;

	private final FieldValidation validation;

	private final FieldSizeLimits fieldSizes;

	private final SessionExpiry expiry;

	private final HandshakeMetrics metrics;

	private final SessionJson json;

	private final Clock clock;

	AgentActions(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery, HandshakeSettings settings,
			AgentAccess agentAccess, HookRunner hooks, FieldValidation validation, FieldSizeLimits fieldSizes,
			SessionExpiry expiry, HandshakeMetrics metrics, SessionJson json, Clock clock) {
		this.store = store;
		this.broadcast = broadcast;
		this.delivery = delivery;
		this.settings = settings;
		this.agentAccess = agentAccess;
		this.hooks = hooks;
		this.validation = validation;
		this.fieldSizes = fieldSizes;
		this.expiry = expiry;
		this.metrics = metrics;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Carries out an action request. Once the store knows the session's schema for the
	 * presented token ({@link SessionStore#knownSchema}) and no action hook is to see the
	 * session, the body is read first, its actions checked against that schema, and the
	 * request admitted with its writes in one step, which may also publish the batch when
	 * its events are not paced; otherwise, and whenever the body cannot be read or
	 * parsed, the request is admitted first.
	 * @param sessionId the session id
	 * @param token the presented token
	 * @param body the request body, read only after the session, token and rate checks
	 * unless the store knows the schema for the token
	 * @param request the request, for hooks
	 * @return the action response
	 */
	Mono<ObjectNode> action(String sessionId, @Nullable String token, Mono<ObjectNode> body, HandshakeRequest request) {
		ArrayNode schema = this.hooks.action().isEmpty() ? this.store.knownSchema(sessionId, token) : null;
		if (schema == null) {
			return admittedFirst(sessionId, token, body, request);
		}
		return body.materialize().flatMap((read) -> {
			ObjectNode payload = read.get();
			ActionBatch batch = (payload != null) ? parsed(payload) : null;
			if (batch == null) {
				return admittedFirst(sessionId, token, Mono.just(read).dematerialize(), request);
			}
			List<ActionBatch.Step> steps = batch.check(schema, this.validation, this.fieldSizes::check);
			return Mono.usingWhen(
					this.agentAccess
						.actionWrites(sessionId, token, ActionBatch.writes(steps), this.hooks.hasDone(),
								batch.unpaced(steps), this.delivery)
						.onErrorMap(DeliveryBacklogFullException.class, this::backlogFull),
					(written) -> finishBatch(sessionId, written.slot(), batch, batch.result(steps, written.value())),
					(written) -> release(written.slot()), (written, ex) -> release(written.slot()),
					(written) -> release(written.slot()));
		});
	}

	/**
	 * Carries out an action request admitted before its body is read.
	 */
	private Mono<ObjectNode> admittedFirst(String sessionId, @Nullable String token, Mono<ObjectNode> body,
			HandshakeRequest request) {
		return Mono.usingWhen(admit(sessionId, token),
				(admitted) -> body
					.flatMap((payload) -> apply(sessionId, admitted.value(), admitted.slot(), payload, request)),
				(admitted) -> release(admitted.slot()), (admitted, ex) -> release(admitted.slot()),
				(admitted) -> release(admitted.slot()));
	}

	/**
	 * The batch of a body, or {@code null} when it is refused: the request admitted first
	 * then refuses it as it would have.
	 */
	private @Nullable ActionBatch parsed(ObjectNode payload) {
		try {
			return ActionBatch.parse(payload, this.settings.pacing());
		}
		catch (HandshakeException ex) {
			return null;
		}
	}

	/**
	 * Gives up the batch's place unless it was filled. A release that fails (the store
	 * cut off, as when a Redis master is switched over) never changes the request's
	 * answer: the place frees itself when its reservation lapses.
	 */
	private static Mono<Void> release(PacedDelivery.Slot slot) {
		return slot.release().onErrorResume((ex) -> {
			logger.warn("Could not release the delivery place reserved for an action batch; it is freed when its"
					+ " reservation lapses", ex);
			return Mono.empty();
		});
	}

	/**
	 * Admits an action request with the place of its batch in the session's delivery
	 * backlog reserved.
	 */
	private Mono<PacedDelivery.Reserved<HandshakeSession>> admit(String sessionId, @Nullable String token) {
		return this.agentAccess
			.action(sessionId, token, !this.hooks.action().isEmpty(),
					(session, now) -> this.hooks.action().isEmpty() ? session.view() : session.copy(), this.delivery)
			.onErrorMap(DeliveryBacklogFullException.class, this::backlogFull);
	}

	private HandshakeException backlogFull(DeliveryBacklogFullException ex) {
		return new HandshakeException(429, "delivery backlog full",
				Math.max(1, this.settings.pacing().maxBatch().toSeconds()));
	}

	private Mono<ObjectNode> apply(String sessionId, HandshakeSession snapshot, PacedDelivery.Slot slot,
			ObjectNode payload, HandshakeRequest request) {
		ActionBatch batch = ActionBatch.parse(payload, this.settings.pacing());
		List<ActionBatch.Step> steps = batch.check(snapshot, request, this.hooks.action(), this.validation,
				this.fieldSizes::check);
		return this.store
			.writeAsAgent(sessionId, ActionBatch.writes(steps), this.settings.writePolicy(), this.clock.instant(),
					this.hooks.hasDone())
			.map((writes) -> batch.result(steps, writes))
			.switchIfEmpty(Mono.error(HandshakeException::sessionNotFound))
			.flatMap((result) -> finishBatch(sessionId, slot, batch, result));
	}

	private Mono<ObjectNode> finishBatch(String sessionId, PacedDelivery.Slot slot, ActionBatch batch,
			ActionBatch.Result result) {
		if (result.expired()) {
			return this.expiry.expireAndRefuse(sessionId);
		}
		List<HandshakeEvent> events = batch.stream()
				? result.applied().stream().map((step) -> HandshakeEvent.action(step.key(), step.value())).toList()
				: List.of();
		Mono<Integer> connections = this.broadcast.connections(sessionId).onErrorReturn(0);
		Mono<Watched> queued = slot
			.fill(new PacedBatch(events,
					HandshakeEvent.done(result.applied().size(), result.rejected(), result.missing()),
					batch.pause(events.size())), connections)
			.map((clients) -> new Watched(true, clients))
			.onErrorResume((ex) -> {
				logger.warn("Could not queue the events of an action batch", ex);
				return connections.map((clients) -> new Watched(false, clients));
			});
		List<String> applied = result.applied().stream().map(ActionBatch.Step::key).toList();
		HandshakeSession after = result.session();
		if (after != null) {
			this.hooks.done(after, applied, result.rejected(), result.errors());
		}
		this.metrics.actions(applied.size(), result.rejected().size(), result.errors().size());
		return queued
			.map((watched) -> SessionJson.actionResult(applied, result.rejected(), result.errors(), result.missing(),
					this.json.fields(result.fields()), watched.clients(), events.size(), watched.queued()));
	}

	/**
	 * Whether an action's batch was queued, and how many connections watch its session.
	 *
	 * @param queued whether the batch was queued
	 * @param clients the connections that watch the session
	 */
	private record Watched(boolean queued, int clients) {

	}

}
