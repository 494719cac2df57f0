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

/**
 * What the observation of one client-to-server Socket.IO event or namespace connect
 * records.
 */
public class SocketIoEventObservationContext extends OperationObservationContext {

	/** The event name of a namespace connect. */
	public static final String CONNECT = "connect";

	private final String event;

	private final String namespace;

	/**
	 * Creates the context of an event.
	 * @param event the event, such as {@code thread:join}, or {@link #CONNECT}
	 * @param namespace the namespace, such as {@code /org-A}; the default one's empty
	 * name is read as {@code /}
	 */
	public SocketIoEventObservationContext(String event, String namespace) {
		this.event = event;
		this.namespace = namespace.isEmpty() ? "/" : namespace;
	}

	/**
	 * The event.
	 * @return for example {@code message:send}
	 */
	public String getEvent() {
		return this.event;
	}

	/**
	 * The namespace.
	 * @return for example {@code /}
	 */
	public String getNamespace() {
		return this.namespace;
	}

}
