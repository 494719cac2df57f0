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

package io.github.agentprotocols.acp.run;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.acp.AssistantHandler;
import org.jspecify.annotations.Nullable;

/**
 * The assistants an application instance can run, by assistant id (spec §6.3). Filled at
 * start-up from {@link io.github.agentprotocols.acp.AcpAssistant @AcpAssistant} beans and
 * methods; an application may register further handlers itself. Each id is registered
 * once.
 */
public class AssistantRegistry {

	private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

	/**
	 * Registers a handler.
	 * @param assistantId the assistant id
	 * @param handler the handler
	 * @param source where the handler comes from, for error messages
	 * @throws IllegalStateException if the id is already registered
	 */
	public void register(String assistantId, AssistantHandler handler, String source) {
		if (assistantId.isEmpty()) {
			throw new IllegalArgumentException("The assistant id of " + source + " is empty");
		}
		Registration registration = new Registration(handler, source);
		Registration existing = this.registrations.putIfAbsent(assistantId, registration);
		if (existing != null) {
			throw new IllegalStateException("Assistant id '" + assistantId + "' is registered twice: by "
					+ existing.source() + " and by " + source);
		}
	}

	/**
	 * Whether a handler is registered under an id.
	 * @param assistantId the assistant id
	 * @return whether it is registered
	 */
	public boolean isRegistered(String assistantId) {
		return this.registrations.containsKey(assistantId);
	}

	/**
	 * The handler registered under an id.
	 * @param assistantId the assistant id
	 * @return the handler, or {@code null}
	 */
	public @Nullable AssistantHandler find(String assistantId) {
		Registration registration = this.registrations.get(assistantId);
		return (registration != null) ? registration.handler() : null;
	}

	/**
	 * The registered ids.
	 * @return the ids
	 */
	public Set<String> ids() {
		return Set.copyOf(this.registrations.keySet());
	}

	private record Registration(AssistantHandler handler, String source) {

	}

}
