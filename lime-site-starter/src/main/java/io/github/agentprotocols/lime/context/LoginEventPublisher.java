package io.github.agentprotocols.lime.context;

import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A {@link LimeLoginHandler} that publishes each login event to the application context,
 * as a {@link LimeLoginApprovedEvent} or a {@link LimeLoginExpiredEvent}.
 */
public final class LoginEventPublisher implements LimeLoginHandler {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create an instance publishing to the given publisher.
	 * @param publisher the application event publisher
	 */
	public LoginEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		this.publisher.publishEvent((passportJwt != null) ? new LimeLoginApprovedEvent(requestId, passportJwt)
				: new LimeLoginExpiredEvent(requestId));
	}

	@Override
	public String toString() {
		return "Spring application events";
	}

}
