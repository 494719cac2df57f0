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
 * {@link PacedDelivery} within one instance: a queue per session in memory, delivering
 * through a {@link SessionBroadcast}.
 */
public class LocalPacedDelivery implements PacedDelivery {

	private static final Log logger = LogFactory.getLog(LocalPacedDelivery.class);

	private final SessionBroadcast broadcast;

	private final Map<String, Mono<Void>> queues = new ConcurrentHashMap<>();

	public LocalPacedDelivery(SessionBroadcast broadcast) {
		this.broadcast = broadcast;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, List<HandshakeEvent> actions, HandshakeEvent done, Duration pause) {
		return Mono.fromRunnable(() -> {
			Mono<Void> batch = Flux.fromIterable(actions)
				.concatMap((event) -> publish(sessionId, event).then(pause.isZero() ? Mono.empty() : Mono.delay(pause)))
				.then(publish(sessionId, done));
			Mono<Void> queued = this.queues.compute(sessionId,
					(id, previous) -> ((previous != null) ? previous.then(batch) : batch).cache());
			queued.doFinally((signal) -> this.queues.remove(sessionId, queued)).subscribe();
		});
	}

	private Mono<Void> publish(String sessionId, HandshakeEvent event) {
		return this.broadcast.publish(sessionId, event).onErrorResume((ex) -> {
			logger.warn("Could not deliver '" + event.type() + "' event of a handshake session", ex);
			return Mono.empty();
		});
	}

}
