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

package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationConvention;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;

/**
 * The observations of the service host and its transports, in the host's registry with
 * the application's conventions: each request a transport answers
 * ({@code appcontrol.service.request}) and each command the host runs
 * ({@code appcontrol.service.command}), each a child of the observation it happens in.
 */
final class ServiceObservations {

	private static final ServiceRequestObservationConvention DEFAULT_REQUEST_CONVENTION = new DefaultServiceRequestObservationConvention();

	private static final ServiceCommandObservationConvention DEFAULT_COMMAND_CONVENTION = new DefaultServiceCommandObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable ServiceRequestObservationConvention requestConvention;

	private final @Nullable ServiceCommandObservationConvention commandConvention;

	ServiceObservations(ObservationRegistry registry, @Nullable ServiceRequestObservationConvention requestConvention,
			@Nullable ServiceCommandObservationConvention commandConvention) {
		this.registry = registry;
		this.requestConvention = requestConvention;
		this.commandConvention = commandConvention;
	}

	/**
	 * The observation of a request arriving on a transport, not started.
	 * @param context the request's context
	 * @param parent the observation the request arrived in (such as WebFlux's server
	 * observation), or null or a no-op one for the current one
	 * @return the observation
	 */
	Observation request(ServiceRequestObservationContext context, @Nullable Observation parent) {
		Observation observation = AppControlObservationDocumentation.SERVICE_REQUEST.observation(this.requestConvention,
				DEFAULT_REQUEST_CONVENTION, () -> context, this.registry);
		return (parent != null && !parent.isNoop()) ? observation.parentObservation(parent) : observation;
	}

	/**
	 * Starts the observation of a command, as a child of the observation in the Reactor
	 * context, or else of the current one.
	 * @param context the command's context
	 * @param reactor the Reactor context the command runs in
	 * @return the started observation
	 */
	Observation startCommand(ServiceCommandObservationContext context, ContextView reactor) {
		Observation parent = ReactiveObservations.current(reactor);
		return AppControlObservationDocumentation.SERVICE_COMMAND
			.observation(this.commandConvention, DEFAULT_COMMAND_CONVENTION, () -> context, this.registry)
			.parentObservation((parent != null) ? parent : this.registry.getCurrentObservation())
			.start();
	}

	/**
	 * The observation current on the calling thread.
	 * @return the observation, or null
	 */
	@Nullable Observation current() {
		return this.registry.getCurrentObservation();
	}

	/**
	 * Subscribes to {@code source} in the scope of {@code observation}, so that a client
	 * running on the subscribing thread sees it as the current observation, and gives it
	 * to a reactive client in the Reactor context.
	 * @param <T> the element type
	 * @param observation the observation
	 * @param source the stream
	 * @return the stream, subscribed to in the observation's scope
	 */
	static <T> Flux<T> scoped(Observation observation, Flux<T> source) {
		Flux<T> observed = ReactiveObservations.asParent(observation, source);
		return Flux.from((subscriber) -> {
			try (Observation.Scope scope = observation.openScope()) {
				observed.subscribe(subscriber);
			}
		});
	}

}
