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
