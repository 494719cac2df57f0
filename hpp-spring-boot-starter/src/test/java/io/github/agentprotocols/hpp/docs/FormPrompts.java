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
