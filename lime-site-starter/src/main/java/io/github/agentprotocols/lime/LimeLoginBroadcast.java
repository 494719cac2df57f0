package io.github.agentprotocols.lime;

import org.jspecify.annotations.Nullable;

/**
 * Carries the outcome of each login request to every instance of the site, where it is
 * published as a {@link LimeLoginBroadcastEvent}: the instance that serves the browser
 * waiting for the login sees it, whichever instance read it from the event stream. Called
 * once per event, after the {@link LimeLoginHandler}s. A single instance publishes the
 * event to itself.
 */
@FunctionalInterface
public interface LimeLoginBroadcast {

	/**
	 * Send an outcome to every instance.
	 * @param requestId the login request id
	 * @param passportJwt the passport of an approval, or {@code null} for an expiry
	 */
	void broadcast(String requestId, @Nullable String passportJwt);

}
