package io.github.agentprotocols.lime.sse;

import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginHandler;
import org.jspecify.annotations.Nullable;

/**
 * The last {@link LimeLoginHandler} of the dispatcher: hands each outcome to the
 * {@link LimeLoginBroadcast}, for every instance of the site.
 */
final class BroadcastingLoginHandler implements LimeLoginHandler {

	private final LimeLoginBroadcast broadcast;

	BroadcastingLoginHandler(LimeLoginBroadcast broadcast) {
		this.broadcast = broadcast;
	}

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		this.broadcast.broadcast(requestId, passportJwt);
	}

	@Override
	public String toString() {
		return "broadcast (" + this.broadcast + ")";
	}

}
