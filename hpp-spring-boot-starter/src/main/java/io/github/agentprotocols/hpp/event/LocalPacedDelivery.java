package io.github.agentprotocols.hpp.event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * {@link PacedDelivery} within one instance: a bounded queue per session in memory,
 * drained by one loop at a time that delivers each batch through a
 * {@link SessionBroadcast} once the previous one is done. A batch queued while the
 * session already has as many batches waiting as allowed is refused with a
 * {@link DeliveryBacklogFullException}. When the application stops, once its web server
 * has stopped, deliveries in flight are cancelled and waiting batches dropped: the
 * connections they were for are closed by then.
 */
public class LocalPacedDelivery implements PacedDelivery, SmartLifecycle {

	/**
	 * After the web server has stopped taking requests ({@code DEFAULT_PHASE - 2048}).
	 */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(LocalPacedDelivery.class);

	private final SessionBroadcast broadcast;

	private final int maxQueuedBatches;

	/**
	 * The batches waiting per session. A session has an entry exactly while its loop
	 * runs; the entry is only changed under the map's lock for its key.
	 */
	private final Map<String, Deque<PacedBatch>> waiting = new ConcurrentHashMap<>();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private volatile boolean running;

	/**
	 * Creates the delivery.
	 * @param broadcast where the events go
	 * @param maxQueuedBatches how many batches of one session may wait behind the one
	 * being delivered
	 */
	public LocalPacedDelivery(SessionBroadcast broadcast, int maxQueuedBatches) {
		Assert.isTrue(maxQueuedBatches > 0, "maxQueuedBatches must be positive");
		this.broadcast = broadcast;
		this.maxQueuedBatches = maxQueuedBatches;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
		return Mono.defer(() -> {
			boolean[] queued = new boolean[1];
			Deque<PacedBatch> created = new ArrayDeque<>();
			Deque<PacedBatch> queue = this.waiting.compute(sessionId, (id, current) -> {
				Deque<PacedBatch> target = (current != null) ? current : created;
				queued[0] = target.size() < this.maxQueuedBatches;
				if (queued[0]) {
					target.add(batch);
				}
				return target;
			});
			if (!queued[0]) {
				return Mono.error(new DeliveryBacklogFullException(this.maxQueuedBatches));
			}
			if (queue == created) {
				drain(sessionId, queue);
			}
			return Mono.empty();
		});
	}

	@Override
	public Mono<Boolean> hasRoom(String sessionId) {
		return Mono.fromSupplier(() -> {
			boolean[] room = { true };
			this.waiting.computeIfPresent(sessionId, (id, queue) -> {
				room[0] = queue.size() < this.maxQueuedBatches;
				return queue;
			});
			return room[0];
		});
	}

	/**
	 * Delivers the session's batches one after the other until none is waiting. Each
	 * round starts afresh once the previous delivery is done, so the stack does not grow
	 * with the backlog. A loop ended by a stop drops its queue; one that found its queue
	 * empty has removed it already, and a newer queue of the session is another object.
	 */
	private void drain(String sessionId, Deque<PacedBatch> queue) {
		Mono.fromSupplier(() -> next(sessionId))
			.flatMap((batch) -> batch.publish(this.broadcast, sessionId).onErrorResume((ex) -> {
				logger.warn("Could not deliver the events of a handshake session", ex);
				return Mono.empty();
			}).thenReturn(true))
			.defaultIfEmpty(false)
			.repeat()
			.takeWhile(Boolean::booleanValue)
			.takeUntilOther(this.stopped.asMono())
			.doFinally((signal) -> this.waiting.remove(sessionId, queue))
			.subscribe();
	}

	/**
	 * Takes the session's next batch, or ends its loop when none is waiting.
	 */
	private @Nullable PacedBatch next(String sessionId) {
		PacedBatch[] next = new PacedBatch[1];
		this.waiting.computeIfPresent(sessionId, (id, queue) -> {
			next[0] = queue.poll();
			return (next[0] != null) ? queue : null;
		});
		return next[0];
	}

	@Override
	public void start() {
		this.stopped = Sinks.empty();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopped.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
