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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ClientRequestObservationConvention} reads of a request a service host
 * client sends. Its carrier collects the propagation fields a tracing handler writes
 * (such as {@code traceparent}); the HTTP client sends them as request headers.
 */
public class ClientRequestObservationContext extends SenderContext<Map<String, String>> {

	private final String transport;

	private final ServiceRequest request;

	private @Nullable ServiceResponseStatus responseStatus;

	private @Nullable ToolStatus commandStatus;

	/**
	 * A context for a request sent on {@code transport}.
	 * @param transport {@code http} or {@code unix_socket}
	 * @param request the request
	 */
	public ClientRequestObservationContext(String transport, ServiceRequest request) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.CLIENT);
		setCarrier(new LinkedHashMap<>());
		this.transport = transport;
		this.request = request;
	}

	/**
	 * The transport the request is sent on.
	 * @return {@code http} or {@code unix_socket}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The request sent.
	 * @return the request
	 */
	public ServiceRequest getRequest() {
		return this.request;
	}

	/**
	 * The status of the host's (last) response envelope.
	 * @return the status, or null if none was received
	 */
	public @Nullable ServiceResponseStatus getResponseStatus() {
		return this.responseStatus;
	}

	/**
	 * Record the status of the host's (last) response envelope.
	 * @param responseStatus the status, or {@code null} if none was received
	 */
	public void setResponseStatus(@Nullable ServiceResponseStatus responseStatus) {
		this.responseStatus = responseStatus;
	}

	/**
	 * The status of the command's final observation.
	 * @return the status, or null if the answer carried none
	 */
	public @Nullable ToolStatus getCommandStatus() {
		return this.commandStatus;
	}

	/**
	 * Record the status of the command's final observation.
	 * @param commandStatus the status, or {@code null} if the answer carried none
	 */
	public void setCommandStatus(@Nullable ToolStatus commandStatus) {
		this.commandStatus = commandStatus;
	}

}
