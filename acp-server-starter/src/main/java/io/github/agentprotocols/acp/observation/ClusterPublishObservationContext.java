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

package io.github.agentprotocols.acp.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * What the observation of a cluster message sent records. Its carrier is the trace the
 * message carries: the propagation fields a tracer writes, such as {@code traceparent}.
 */
public class ClusterPublishObservationContext extends SenderContext<Map<String, String>> {

	private final String transport;

	private final String messageType;

	private final String threadId;

	private final String origin;

	/**
	 * Creates the context of a message, with an empty trace.
	 * @param transport the cluster transport, such as {@code postgres}
	 * @param messageType the message's type, such as {@code event}
	 * @param threadId the thread the broadcast concerns
	 * @param origin the id of this instance
	 */
	public ClusterPublishObservationContext(String transport, String messageType, String threadId, String origin) {
		super(Map::put, Kind.PRODUCER);
		setCarrier(new LinkedHashMap<>());
		this.transport = transport;
		this.messageType = messageType;
		this.threadId = threadId;
		this.origin = origin;
	}

	/**
	 * The cluster transport.
	 * @return {@code postgres} or {@code redis}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The message's type.
	 * @return {@code event}, {@code thread}, {@code members}, {@code run} or
	 * {@code removed}
	 */
	public String getMessageType() {
		return this.messageType;
	}

	/**
	 * The thread the broadcast concerns.
	 * @return the thread id
	 */
	public String getThreadId() {
		return this.threadId;
	}

	/**
	 * The id of the sending instance.
	 * @return the node id
	 */
	public String getOrigin() {
		return this.origin;
	}

}
