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

package io.github.agentprotocols.appcontrol.observation;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ServiceRequestObservationConvention} reads of a request the local service
 * host answers: the transport, the request once read, and the host's last envelope.
 */
public class ServiceRequestObservationContext extends Observation.Context {

	private final String transport;

	private @Nullable ServiceRequest request;

	private @Nullable ServiceResponse response;

	/**
	 * A context for a request arriving on {@code transport}.
	 * @param transport {@code http} or {@code unix_socket}
	 */
	public ServiceRequestObservationContext(String transport) {
		this.transport = transport;
	}

	/**
	 * The transport the request arrived on.
	 * @return {@code http} or {@code unix_socket}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The request, once authenticated and validated.
	 * @return the request, or null if it was refused before
	 */
	public @Nullable ServiceRequest getRequest() {
		return this.request;
	}

	/**
	 * Record the request once authenticated and validated.
	 * @param request the request
	 */
	public void setRequest(@Nullable ServiceRequest request) {
		this.request = request;
	}

	/**
	 * The host's answer: its only or, for {@code stream}, its final
	 * {@code service.response.v1} envelope, a refusal included.
	 * @return the answer, or null if none was sent
	 */
	public @Nullable ServiceResponse getResponse() {
		return this.response;
	}

	/**
	 * Record the host's answer.
	 * @param response the answer
	 */
	public void setResponse(@Nullable ServiceResponse response) {
		this.response = response;
	}

}
