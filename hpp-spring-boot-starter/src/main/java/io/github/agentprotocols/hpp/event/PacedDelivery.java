package io.github.agentprotocols.hpp.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the events of action batches in the background: each batch's {@code action}
 * events with a pause after each, then its {@code done} event. Batches of one session are
 * delivered one after the other, in the order they were queued, so an agent's request
 * never waits for the pacing.
 */
public class PacedDelivery {

	private static final Log logger = LogFactory.getLog(PacedDelivery.class);

	private final SessionBroadcast broadcast;

	private final Map<String, Mono<Void>> queues = new ConcurrentHashMap<>();

	public PacedDelivery(SessionBroadcast broadcast) {
		this.broadcast = broadcast;
	}

	/**
	 * Queues a batch.
	 * @param sessionId the session id
	 * @param actions the action events, in order
	 * @param done the closing event
	 * @param pause the pause after each action event
	 */
	public void enqueue(String sessionId, List<HandshakeEvent> actions, HandshakeEvent done, Duration pause) {
		Mono<Void> batch = Flux.fromIterable(actions)
			.concatMap((event) -> publish(sessionId, event).then(pause.isZero() ? Mono.empty() : Mono.delay(pause)))
			.then(publish(sessionId, done));
		Mono<Void> queued = this.queues.compute(sessionId,
				(id, previous) -> ((previous != null) ? previous.then(batch) : batch).cache());
		queued.doFinally((signal) -> this.queues.remove(sessionId, queued)).subscribe();
	}

	private Mono<Void> publish(String sessionId, HandshakeEvent event) {
		return this.broadcast.publish(sessionId, event).onErrorResume((ex) -> {
			logger.warn("Could not deliver '" + event.type() + "' event of a handshake session", ex);
			return Mono.empty();
		});
	}

}
