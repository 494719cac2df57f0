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

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * What the observation of a cluster message received records. Its carrier is the trace
 * the message carried, empty for a message of an instance that sends none.
 */
public class ClusterReceiveObservationContext extends ReceiverContext<Map<String, String>> {

	private final String transport;

	private final String messageType;

	private final String origin;

	private @Nullable String threadId;

	/**
	 * Creates the context of a message.
	 * @param trace the propagation fields the message carried
	 * @param transport the cluster transport, such as {@code postgres}
	 * @param messageType the message's type, such as {@code event}
	 * @param origin the id of the sending instance
	 */
	public ClusterReceiveObservationContext(Map<String, String> trace, String transport, String messageType,
			String origin) {
		super((carrier, key) -> carrier.get(key), Kind.CONSUMER);
		setCarrier(trace);
		this.transport = transport;
		this.messageType = messageType;
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
	 * The id of the sending instance.
	 * @return the node id
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * The thread the broadcast concerns, once the message was read.
	 * @return the thread id, or {@code null}
	 */
	public @Nullable String getThreadId() {
		return this.threadId;
	}

	/**
	 * Sets the thread the broadcast concerns.
	 * @param threadId the thread id
	 */
	public void setThreadId(@Nullable String threadId) {
		this.threadId = threadId;
	}

}
