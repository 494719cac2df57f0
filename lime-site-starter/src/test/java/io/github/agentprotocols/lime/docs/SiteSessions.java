package io.github.agentprotocols.lime.docs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The site's own sessions of the documented examples: the agent signed in for each login
 * request.
 */
@Component
class SiteSessions {

	private final Map<String, String> agents = new ConcurrentHashMap<>();

	void signIn(String requestId, String agentId) {
		this.agents.put(requestId, agentId);
	}

	@Nullable String agentOf(String requestId) {
		return this.agents.get(requestId);
	}

}
