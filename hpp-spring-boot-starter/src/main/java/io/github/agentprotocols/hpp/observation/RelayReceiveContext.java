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

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * What an observation of a message received from the shared store records. Its carrier is
 * the message's map of propagation fields, empty for messages sent without tracing or by
 * an older version, from which a tracing handler continues the sender's trace.
 */
public class RelayReceiveContext extends ReceiverContext<Map<String, String>> {

	private final String sessionId;

	private final String message;

	/**
	 * Creates a context.
	 * @param sessionId the session's id
	 * @param message {@code batch} or {@code event}
	 * @param fields the propagation fields the message carried
	 */
	public RelayReceiveContext(String sessionId, String message, Map<String, String> fields) {
		super((carrier, key) -> carrier.get(key), Kind.CONSUMER);
		setCarrier(fields);
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

}
