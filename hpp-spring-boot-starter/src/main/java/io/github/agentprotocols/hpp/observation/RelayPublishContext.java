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

package io.github.agentprotocols.hpp.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * What an observation of a message sent through the shared store records. Its carrier is
 * the map of propagation fields (such as {@code traceparent}) that a tracing handler
 * fills and the message carries as {@code trace}.
 */
public class RelayPublishContext extends SenderContext<Map<String, String>> {

	private final String sessionId;

	private final String message;

	/**
	 * Creates a context with an empty carrier.
	 * @param sessionId the session's id
	 * @param message {@code batch} or {@code event}
	 */
	public RelayPublishContext(String sessionId, String message) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName("redis");
		this.sessionId = sessionId;
		this.message = message;
	}

	/**
	 * The id of the session the message is about.
	 * @return the session's id
	 */
	public String getSessionId() {
		return this.sessionId;
	}

	/**
	 * What the message is.
	 * @return {@code batch} or {@code event}
	 */
	public String getMessage() {
		return this.message;
	}

	/**
	 * The propagation fields to send with the message, empty without tracing.
	 * @return the fields
	 */
	public Map<String, String> getFields() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

}
