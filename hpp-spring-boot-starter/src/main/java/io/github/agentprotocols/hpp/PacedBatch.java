package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The events of one action batch as the browser receives them: each {@code action} event
 * followed by a pause, then the {@code done} event.
 *
 * @param actions the action events, in order
 * @param done the closing event
 * @param pause the pause after each action event
 */
public record PacedBatch(List<HandshakeEvent> actions, HandshakeEvent done, Duration pause) {

	private static final Log logger = LogFactory.getLog(PacedBatch.class);

	/**
	 * Publishes the batch, pausing as it goes. An event that cannot be published is
	 * logged and skipped.
	 * @param broadcast where the events go
	 * @param sessionId the session id
	 * @return completes after the done event
	 */
	public Mono<Void> publish(SessionBroadcast broadcast, String sessionId) {
		return Flux.fromIterable(this.actions)
			.concatMap((event) -> publish(broadcast, sessionId, event)
				.then(this.pause.isZero() ? Mono.empty() : Mono.delay(this.pause)))
			.then(Mono.defer(() -> publish(broadcast, sessionId, this.done)));
	}

	private static Mono<Void> publish(SessionBroadcast broadcast, String sessionId, HandshakeEvent event) {
		return broadcast.publish(sessionId, event).onErrorResume((ex) -> {
			logger.warn("Could not deliver '" + event.type() + "' event of a handshake session", ex);
			return Mono.empty();
		});
	}

}
