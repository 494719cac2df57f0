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

package io.github.agentprotocols.lime.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of publishing a login outcome to every instance: its carrier collects the
 * propagation fields (such as {@code traceparent}) that the message carries.
 */
public class LimeBroadcastObservationContext extends SenderContext<Map<String, String>> {

	private final String type;

	private final String requestId;

	/**
	 * Create a context.
	 * @param type the outcome's type, {@code approved} or {@code expired}
	 * @param requestId the login request id
	 */
	public LimeBroadcastObservationContext(String type, String requestId) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		this.type = type;
		this.requestId = requestId;
		setCarrier(new LinkedHashMap<>());
	}

	/**
	 * Return the outcome's type.
	 * @return {@code approved} or {@code expired}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the login request id.
	 * @return the request id
	 */
	public String getRequestId() {
		return this.requestId;
	}

}
