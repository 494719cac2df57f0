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

package io.github.agentprotocols.lime.context;

import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The {@link LimeLoginBroadcast} of a single instance, and what every instance does with
 * an outcome broadcast to it: publish a {@link LimeLoginBroadcastEvent} to its own
 * application context.
 */
public final class LocalLoginBroadcast implements LimeLoginBroadcast {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create an instance publishing to the given publisher.
	 * @param publisher the application event publisher
	 */
	public LocalLoginBroadcast(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void broadcast(String requestId, @Nullable String passportJwt) {
		this.publisher.publishEvent(new LimeLoginBroadcastEvent(requestId, passportJwt));
	}

	@Override
	public String toString() {
		return "LimeLoginBroadcastEvent";
	}

}
