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

package io.github.agentprotocols.hpp.docs;

import io.github.agentprotocols.hpp.HandshakeManager;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

// tag::prompt[]
@Component
class FormPrompts {

	private final HandshakeManager handshakeManager;

	FormPrompts(HandshakeManager handshakeManager) {
		this.handshakeManager = handshakeManager;
	}

	Mono<String> promptFor(String sessionId) {
		// the prompt holds the token: show it to the session's owner, never log it
		return this.handshakeManager.prompt(sessionId, "https://app.example.com", "Fill in the order");
	}

}
// end::prompt[]
