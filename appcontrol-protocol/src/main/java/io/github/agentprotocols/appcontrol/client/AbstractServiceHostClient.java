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

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation;
import io.github.agentprotocols.appcontrol.observation.ClientRequestObservationContext;
import io.github.agentprotocols.appcontrol.observation.ClientRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultClientRequestObservationConvention;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A client of an app-control local service host, whatever the transport: commands run
 * with the {@code run} action, or {@code stream} when an observer wants the events, and
 * every request carries the host's token. Subclasses carry the envelopes; refusals by the
 * host and unreachable hosts throw {@link AppControlTransportException}, tool failures
 * are observations.
 * <p>
 * Each request is observed ({@code appcontrol.client.request}) in the
 * {@linkplain #setObservationRegistry registry set}, as a child of the current
 * observation (for a stream, the one in the Reactor context first).
 */
public abstract class AbstractServiceHostClient implements StreamingAppControlClient {

	private static final ClientRequestObservationConvention DEFAULT_CONVENTION = new DefaultClientRequestObservationConvention();

	private final @Nullable String token;

	private final String transport;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ClientRequestObservationConvention observationConvention;

	/**
	 * A client sending {@code token} with every request.
	 * @param token the host's token, or null
	 * @param transport the transport's name in observations, such as {@code http}
	 */
	protected AbstractServiceHostClient(@Nullable String token, String transport) {
		this.token = token;
		this.transport = transport;
	}

	/**
	 * Where the client observes its requests; none by default.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * The convention of the client's observations, instead of
	 * {@link DefaultClientRequestObservationConvention}.
	 * @param observationConvention the convention, or null for the default
	 */
	public void setObservationConvention(@Nullable ClientRequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
		if (observer != null) {
			return StreamingAppControlClient.super.runCommand(command, observer);
		}
		return ServiceEnvelopes.observation(exchange(ServiceRequest.run(command, this.token)));
	}

	@Override
	public Flux<ToolEvent> runStream(ToolCommand command) {
		ServiceRequest request = ServiceRequest.stream(command, this.token);
		return Flux.deferContextual((reactor) -> {
			ClientRequestObservationContext context = new ClientRequestObservationContext(this.transport, request);
			Observation parent = ReactiveObservations.current(reactor);
			Observation observation = observation(context)
				.parentObservation((parent != null) ? parent : this.observationRegistry.getCurrentObservation())
				.start();
			Flux<ToolEvent> events = stream(request, context.getCarrier()).doOnNext((event) -> {
				if (event.type() == ToolEventType.OBSERVATION) {
					context.setCommandStatus(event.status());
				}
			});
			// stopped before the subscriber sees the end; once, as a cancel may follow
			return ReactiveObservations.stopOnEnd(observation, events, new ReactiveObservations.Signals<>() {

				@Override
				public void success(@Nullable ToolEvent result) {
					context.setResponseStatus(ServiceResponseStatus.COMPLETE);
				}

				@Override
				public Throwable error(Throwable error) {
					return failed(context, error);
				}

			});
		});
	}

	/**
	 * Runs a command on the host, which stores its observation under the request id for
	 * {@link #poll}.
	 * @param command the command
	 * @param requestId the request id, or null to let the host choose
	 * @return the host's answer, carrying the request id and the observation
	 */
	public ServiceResponse submit(ToolCommand command, @Nullable String requestId) {
		return exchange(ServiceRequest.submit(command, requestId, this.token));
	}

	/**
	 * Asks for a submitted command's result.
	 * @param requestId the request id
	 * @return {@code complete} with the observation once finished, {@code complete}
	 * without one while running, or {@code not_found}
	 */
	public ServiceResponse poll(String requestId) {
		return exchange(ServiceRequest.poll(requestId, this.token));
	}

	/**
	 * Sends any request but {@code stream} and returns the host's envelope. A
	 * {@code not_found} answer is returned; a {@code failed} one is thrown.
	 * @param request the request
	 * @return the response
	 * @throws AppControlTransportException if the host is unreachable, refuses the
	 * request or answers with an invalid envelope
	 */
	public ServiceResponse exchange(ServiceRequest request) {
		ClientRequestObservationContext context = new ClientRequestObservationContext(this.transport, request);
		Observation observation = observation(context).start();
		try (Observation.Scope scope = observation.openScope()) {
			ServiceResponse response = exchange(request, context.getCarrier());
			context.setResponseStatus(response.status());
			context.setCommandStatus(commandStatus(response));
			return response;
		}
		catch (RuntimeException ex) {
			observation.error(failed(context, ex));
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Sends any request but {@code stream} and returns the host's envelope.
	 * @param request the request
	 * @param propagation the fields that carry the trace to the host, for transports that
	 * can send them
	 * @return the response
	 * @throws AppControlTransportException as {@link #exchange(ServiceRequest)}
	 */
	protected abstract ServiceResponse exchange(ServiceRequest request, Map<String, String> propagation);

	/**
	 * Sends a {@code stream} request and reads the host's events, lazily.
	 * @param request the request
	 * @param propagation the fields that carry the trace to the host, for transports that
	 * can send them
	 * @return the events, ending after the host's final response
	 */
	protected abstract Flux<ToolEvent> stream(ServiceRequest request, Map<String, String> propagation);

	private Observation observation(ClientRequestObservationContext context) {
		return AppControlObservationDocumentation.CLIENT_REQUEST.observation(this.observationConvention,
				DEFAULT_CONVENTION, () -> context, this.observationRegistry);
	}

	/**
	 * The status of the response's observation, if it is one of the protocol's.
	 */
	private static @Nullable ToolStatus commandStatus(ServiceResponse response) {
		Object status = (response.observation() != null) ? response.observation().get("status") : null;
		for (ToolStatus candidate : ToolStatus.values()) {
			if (candidate.wireValue().equals(status)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Records a refusal by the host as a failed response.
	 * @return the failure, to record on the observation
	 */
	private static Throwable failed(ClientRequestObservationContext context, Throwable ex) {
		if (ex instanceof AppControlTransportException transport && transport.getError() != null) {
			context.setResponseStatus(ServiceResponseStatus.FAILED);
		}
		return ex;
	}

}
