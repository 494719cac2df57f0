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

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.hpp.observation.DefaultHandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.DefaultRelayPublishObservationConvention;
import io.github.agentprotocols.hpp.observation.DefaultRelayReceiveObservationConvention;
import io.github.agentprotocols.hpp.observation.HandshakeObservationContext;
import io.github.agentprotocols.hpp.observation.HandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.github.agentprotocols.hpp.observation.RelayPublishContext;
import io.github.agentprotocols.hpp.observation.RelayPublishObservationConvention;
import io.github.agentprotocols.hpp.observation.RelayReceiveContext;
import io.github.agentprotocols.hpp.observation.RelayReceiveObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Records the protocol's observations ({@link HppObservationDocumentation}) for the
 * engine and its parts. The parent of an operation is the observation in the Reactor
 * context (such as WebFlux's server request); the operation puts its own there for what
 * runs inside it. Work that runs later on its own (a batch's delivery) is given the
 * observation current when it was handed over as its parent, and a message through the
 * shared store carries the trace in its propagation fields.
 */
public final class HandshakeObservations {

	/** Observes nothing. */
	public static final HandshakeObservations NOOP = new HandshakeObservations(ObservationRegistry.NOOP, null, null,
			null);

	private static final String SUCCESS = "success";

	private static final DefaultRelayPublishObservationConvention DEFAULT_PUBLISH = new DefaultRelayPublishObservationConvention();

	private static final DefaultRelayReceiveObservationConvention DEFAULT_RECEIVE = new DefaultRelayReceiveObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable HandshakeObservationConvention convention;

	private final @Nullable RelayPublishObservationConvention publishConvention;

	private final @Nullable RelayReceiveObservationConvention receiveConvention;

	private final Map<HppObservationDocumentation, DefaultHandshakeObservationConvention> defaults = new EnumMap<>(
			HppObservationDocumentation.class);

	/**
	 * Creates the observations of a registry.
	 * @param registry the registry
	 * @param convention replaces the default convention of the operations whose context
	 * it supports, or null
	 * @param publishConvention replaces the default convention of relayed messages sent,
	 * or null
	 * @param receiveConvention replaces the default convention of relayed messages
	 * received, or null
	 */
	public HandshakeObservations(ObservationRegistry registry, @Nullable HandshakeObservationConvention convention,
			@Nullable RelayPublishObservationConvention publishConvention,
			@Nullable RelayReceiveObservationConvention receiveConvention) {
		this.registry = registry;
		this.convention = convention;
		this.publishConvention = publishConvention;
		this.receiveConvention = receiveConvention;
		for (HppObservationDocumentation operation : HppObservationDocumentation.values()) {
			if (operation.getDefaultConvention() == DefaultHandshakeObservationConvention.class) {
				this.defaults.put(operation, new DefaultHandshakeObservationConvention(operation));
			}
		}
	}

	/**
	 * Whether nothing is observed (the registry is a no-op): a message sent through the
	 * shared store then carries no propagation fields, and its publication no
	 * observation.
	 * @return whether nothing is observed
	 */
	public boolean isNoop() {
		return this.registry.isNoop();
	}

	/**
	 * The observation in a Reactor context.
	 * @param view the context
	 * @return the observation, or null
	 */
	public static @Nullable Observation current(ContextView view) {
		return ReactiveObservations.current(view);
	}

	/**
	 * Observes an operation whose outcome is {@code success} unless it fails.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param transport how the operation reached the server
	 * @param sessionId the session's id, or null
	 * @param call the operation
	 * @return the observed operation
	 */
	<T> Mono<T> observe(HppObservationDocumentation operation, String transport, @Nullable String sessionId,
			Mono<T> call) {
		return observe(operation, transport, sessionId, (result) -> SUCCESS, call);
	}

	/**
	 * Observes an operation as a child of the observation in the Reactor context.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param transport how the operation reached the server
	 * @param sessionId the session's id, or null
	 * @param outcome the outcome of a result
	 * @param call the operation
	 * @return the observed operation
	 */
	public <T> Mono<T> observe(HppObservationDocumentation operation, String transport, @Nullable String sessionId,
			Function<? super T, String> outcome, Mono<T> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.deferContextual((view) -> observe(new HandshakeObservationContext(operation, transport, sessionId),
				current(view), outcome, call));
	}

	/**
	 * Observes the paced delivery of a batch.
	 * @param sessionId the session's id
	 * @param parent the observation that queued the batch, or null
	 * @param delivery the delivery
	 * @return the observed delivery
	 */
	public Mono<Void> deliver(String sessionId, @Nullable Observation parent, Mono<Void> delivery) {
		if (this.registry.isNoop()) {
			return delivery;
		}
		return Mono.defer(() -> observe(
				new HandshakeObservationContext(HppObservationDocumentation.DELIVERY, "internal", sessionId), parent,
				(result) -> SUCCESS, delivery));
	}

	/**
	 * Observes a message sent through the shared store, as a child of the observation in
	 * the Reactor context.
	 * @param sessionId the session's id
	 * @param message {@code batch} or {@code event}
	 * @param send sends the message with the given propagation fields (empty without
	 * tracing)
	 * @return the observed sending
	 */
	public Mono<Void> publish(String sessionId, String message, Function<Map<String, String>, Mono<Void>> send) {
		if (this.registry.isNoop()) {
			return Mono.defer(() -> send.apply(Map.of()));
		}
		return Mono.deferContextual((view) -> {
			RelayPublishContext context = new RelayPublishContext(sessionId, message);
			Observation observation = HppObservationDocumentation.RELAY_PUBLISH
				.observation(this.publishConvention, DEFAULT_PUBLISH, () -> context, this.registry)
				.parentObservation(current(view))
				.start();
			return ReactiveObservations.stopOnEnd(observation, send.apply(context.getFields()));
		});
	}

	/**
	 * Observes a message received from the shared store, continuing the trace of its
	 * sender.
	 * @param sessionId the session's id
	 * @param message {@code batch} or {@code event}
	 * @param fields the propagation fields the message carried, empty if none
	 * @param handling what is done with the message
	 * @return the stopped observation, the parent of work the message starts
	 */
	public Observation receive(String sessionId, String message, Map<String, String> fields, Runnable handling) {
		if (this.registry.isNoop()) {
			handling.run();
			return Observation.NOOP;
		}
		RelayReceiveContext context = new RelayReceiveContext(sessionId, message, fields);
		Observation observation = HppObservationDocumentation.RELAY_RECEIVE.observation(this.receiveConvention,
				DEFAULT_RECEIVE, () -> context, this.registry);
		observation.observe(handling);
		return observation;
	}

	private <T> Mono<T> observe(HandshakeObservationContext context, @Nullable Observation parent,
			Function<? super T, String> outcome, Mono<T> call) {
		HandshakeObservationConvention custom = (this.convention != null && this.convention.supportsContext(context))
				? this.convention : null;
		Observation observation = context.getOperation()
			.observation(custom, this.defaults.get(context.getOperation()), () -> context, this.registry)
			.parentObservation(parent)
			.start();
		return ReactiveObservations.asParent(observation,
				ReactiveObservations.stopOnEnd(observation, call, new Outcomes<>(context, outcome)));
	}

	/**
	 * The outcome of a failed operation.
	 * @param failure the failure
	 * @return the outcome
	 */
	static String outcomeOf(Throwable failure) {
		if (failure instanceof SessionStoreUnavailableException) {
			return "unavailable";
		}
		if (!(failure instanceof HandshakeException refused)) {
			return "error";
		}
		return switch (refused.getStatus()) {
			case 400, 413 -> "invalid";
			case 401 -> "unauthenticated";
			case 403 -> "rejected";
			case 404 -> "not_found";
			case 429 -> "rate_limited";
			case 503 -> "unavailable";
			default -> "error";
		};
	}

	/**
	 * Sets the outcome of an operation from the way it ended; only an unexpected failure
	 * is recorded as the observation's error.
	 *
	 * @param <T> the result type
	 * @param context the operation's context
	 * @param outcome the outcome of a result
	 */
	private record Outcomes<T>(HandshakeObservationContext context,
			Function<? super T, String> outcome) implements ReactiveObservations.Signals<T> {

		@Override
		public void success(@Nullable T result) {
			this.context.setOutcome((result != null) ? this.outcome.apply(result) : SUCCESS);
		}

		@Override
		public @Nullable Throwable error(Throwable error) {
			String failure = outcomeOf(error);
			this.context.setOutcome(failure);
			return "error".equals(failure) ? error : null;
		}

		@Override
		public void cancel() {
			this.context.setOutcome("cancelled");
		}

	}

}
