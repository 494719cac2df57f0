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

package io.github.agentprotocols.appcontrol.client;

import java.util.Map;

import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.HelperResponse;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation;
import io.github.agentprotocols.appcontrol.observation.DefaultHelperRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.HelperRequestObservationContext;
import io.github.agentprotocols.appcontrol.observation.HelperRequestObservationConvention;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streaming client over a desktop helper: each command is one helper round trip, and
 * the {@code started} and final {@code observation} events are synthesized around it.
 * Replies are read by the protocol's extraction rule: a {@code helper.response.v1} reply
 * is validated and its observation taken; a legacy reply's {@code observation}, or the
 * whole reply, is the observation.
 * <p>
 * Each round trip is observed ({@code appcontrol.helper.request}) in the
 * {@linkplain #setObservationRegistry registry set}, as a child of the observation in the
 * Reactor context or else the current one. The helper request carries no trace.
 */
public class HelperAppControlClient implements StreamingAppControlClient {

	private static final HelperRequestObservationConvention DEFAULT_CONVENTION = new DefaultHelperRequestObservationConvention();

	private final HelperTransport transport;

	private final @Nullable String token;

	private final Map<String, Object> metadata;

	private final ProtocolSchemas schemas;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable HelperRequestObservationConvention observationConvention;

	/**
	 * A client sending {@code token} and {@code metadata} with every request.
	 * @param transport the helper transport
	 * @param token the helper token, or null
	 * @param metadata request metadata, or null for the helper API version only
	 * @param schemas the validator
	 */
	public HelperAppControlClient(HelperTransport transport, @Nullable String token,
			@Nullable Map<String, Object> metadata, ProtocolSchemas schemas) {
		this.transport = transport;
		this.token = token;
		this.metadata = (metadata != null) ? metadata : Map.of("apiVersion", HelperRequest.API_VERSION);
		this.schemas = schemas;
	}

	/**
	 * Where the client observes its helper round trips; none by default.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * The convention of the client's observations, instead of
	 * {@link DefaultHelperRequestObservationConvention}.
	 * @param observationConvention the convention, or null for the default
	 */
	public void setObservationConvention(@Nullable HelperRequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public Flux<ToolEvent> runStream(ToolCommand command) {
		return Flux.concat(Mono.fromSupplier(() -> ToolEvents.started(command)),
				Mono.deferContextual((reactor) -> Mono.fromSupplier(() -> ToolEvents.observation(1,
						observedRoundTrip(command, ReactiveObservations.current(reactor))))));
	}

	private ToolObservation observedRoundTrip(ToolCommand command, @Nullable Observation parent) {
		HelperRequestObservationContext context = new HelperRequestObservationContext(command);
		Observation observation = AppControlObservationDocumentation.HELPER_REQUEST
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation.observe(() -> {
			ToolObservation result = roundTrip(command);
			context.setCommandStatus(result.status());
			return result;
		});
	}

	private ToolObservation roundTrip(ToolCommand command) {
		HelperRequest request = new HelperRequest(this.token, command, this.metadata);
		this.schemas.validateProtocolPayload("helper_request", request.toMap());
		Map<String, ?> reply = this.transport.exchange(request);
		try {
			return ToolObservation.fromMap(observationPayload(reply));
		}
		catch (ProtocolValidationException ex) {
			throw new AppControlTransportException("helper returned an invalid reply: " + ex.getMessage(), ex);
		}
	}

	private Map<String, ?> observationPayload(Map<String, ?> reply) {
		if (HelperResponse.SCHEMA.equals(reply.get("schema"))) {
			this.schemas.validateProtocolPayload("helper_response", reply);
			HelperResponse response = HelperResponse.fromMap(reply);
			if (response.observation() != null) {
				return response.observation();
			}
			ToolError error = response.error();
			throw new AppControlTransportException("helper returned an error: " + error.message(), error);
		}
		if (!ToolObservation.SCHEMA.equals(reply.get("schema"))
				&& reply.get("observation") instanceof Map<?, ?> observation) {
			@SuppressWarnings("unchecked")
			Map<String, ?> legacy = (Map<String, ?>) observation;
			return legacy;
		}
		return reply;
	}

}
