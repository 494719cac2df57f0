package io.github.agentprotocols.acp.docs;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The application's own user directory that the quick start's authenticator asks.
 */
class Users {

	private final Map<String, User> byToken;

	Users(Map<String, User> byToken) {
		this.byToken = Map.copyOf(byToken);
	}

	Mono<User> findByToken(String token) {
		return Mono.justOrEmpty(this.byToken.get(token));
	}

	record User(String id, String name, String orgId) {
	}

}
