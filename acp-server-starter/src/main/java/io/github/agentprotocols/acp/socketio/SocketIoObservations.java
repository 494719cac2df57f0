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

package io.github.agentprotocols.acp.socketio;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.DefaultSocketIoEventObservationConvention;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationContext;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationConvention;
import io.github.agentprotocols.commons.observation.ReactiveObservations.Signals;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes the Socket.IO events and namespace connects.
 *
 * @param registry the registry
 * @param convention the convention, or {@code null} for the default one
 */
record SocketIoObservations(ObservationRegistry registry, @Nullable SocketIoEventObservationConvention convention) {

	/** Observes nothing. */
	static final SocketIoObservations NONE = new SocketIoObservations(ObservationRegistry.NOOP, null);

	/**
	 * Starts the observation of an event.
	 * @param context the event's context
	 * @return the started observation
	 */
	Observation start(SocketIoEventObservationContext context) {
		return AcpObservationDocumentation.SOCKETIO_EVENT
			.observation(this.convention, DefaultSocketIoEventObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
	}

	/**
	 * What the observation of an event or connect learns from its failure: how it
	 * {@link #failed failed}, with the error to record.
	 * @param context the event's context
	 * @return the signals
	 */
	static Signals<Object> failures(SocketIoEventObservationContext context) {
		return new Signals<>() {

			@Override
			public @Nullable Throwable error(Throwable error) {
				failed(context, error);
				return context.getError();
			}

		};
	}

	/**
	 * Records how an event failed: the refusal's code, {@code unavailable} for an
	 * unreachable store, else {@code internal_error} with the failure as the error.
	 * @param context the event's context
	 * @param failure the failure
	 */
	static void failed(SocketIoEventObservationContext context, Throwable failure) {
		if (failure instanceof AcpException refused && !(failure instanceof ThreadStoreUnavailableException)) {
			context.setOutcome(refused.getCode().code());
			return;
		}
		context.setOutcome((failure instanceof ThreadStoreUnavailableException) ? "unavailable" : "internal_error");
		context.setError(failure);
	}

}
