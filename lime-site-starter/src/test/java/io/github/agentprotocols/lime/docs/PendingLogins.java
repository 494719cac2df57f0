package io.github.agentprotocols.lime.docs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The outcomes the documented handler receives, by request id: a passport, or empty for
 * an expiry.
 */
@Component
class PendingLogins {

	private final Map<String, Optional<String>> outcomes = new ConcurrentHashMap<>();

	void complete(String requestId, @Nullable String passportJwt) {
		this.outcomes.put(requestId, Optional.ofNullable(passportJwt));
	}

	@Nullable Optional<String> outcome(String requestId) {
		return this.outcomes.get(requestId);
	}

}
