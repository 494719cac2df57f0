package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeoutException;

import io.github.agentprotocols.lime.LimeLoginHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Runs the login handlers for each event on a scheduler, never on the caller's thread:
 * the events of one request id one after another, in arrival order, each through every
 * handler in registration order; events of different request ids independently. A handler
 * gets a timeout, after which it is interrupted and the next one runs; one that throws is
 * logged. {@link #dispose() Disposing} drops the queued events and interrupts the running
 * handlers.
 */
final class OrderedDelivery {

	private static final Log logger = LogFactory.getLog(OrderedDelivery.class);

	private final List<LimeLoginHandler> handlers;

	private final Scheduler scheduler;

	private final Duration timeout;

	private final Map<String, Queue<LimeEvent>> lanes = new HashMap<>();

	private final Sinks.One<Boolean> disposed = Sinks.one();

	private boolean stopped;

	OrderedDelivery(List<LimeLoginHandler> handlers, Scheduler scheduler, Duration timeout) {
		this.handlers = List.copyOf(handlers);
		this.scheduler = scheduler;
		this.timeout = timeout;
	}

	/**
	 * Queues an event behind the events of the same request id that are still running.
	 * @param event the event
	 */
	void submit(LimeEvent event) {
		synchronized (this.lanes) {
			if (this.stopped) {
				return;
			}
			Queue<LimeEvent> lane = this.lanes.get(event.requestId());
			if (lane != null) {
				lane.add(event);
				return;
			}
			this.lanes.put(event.requestId(), new ArrayDeque<>());
		}
		deliver(event);
	}

	/**
	 * Drops the queued events and interrupts the running handlers.
	 */
	void dispose() {
		synchronized (this.lanes) {
			this.stopped = true;
			this.lanes.clear();
		}
		this.disposed.tryEmitValue(true);
	}

	private void deliver(LimeEvent event) {
		Flux.fromIterable(this.handlers)
			.concatMap((handler) -> invoke(handler, event))
			.takeUntilOther(this.disposed.asMono())
			.doFinally((signal) -> next(event.requestId()))
			.subscribe();
	}

	private void next(String requestId) {
		LimeEvent next;
		synchronized (this.lanes) {
			Queue<LimeEvent> lane = this.lanes.get(requestId);
			if (lane == null || this.stopped) {
				return;
			}
			next = lane.poll();
			if (next == null) {
				this.lanes.remove(requestId);
				return;
			}
		}
		deliver(next);
	}

	private Mono<Void> invoke(LimeLoginHandler handler, LimeEvent event) {
		return Mono.<Void>fromRunnable(() -> handler.onLogin(event.requestId(), event.passportJwt()))
			.subscribeOn(this.scheduler)
			.timeout(this.timeout)
			.onErrorResume((ex) -> {
				log(handler, event, ex);
				return Mono.empty();
			});
	}

	private void log(LimeLoginHandler handler, LimeEvent event, Throwable ex) {
		if (ex instanceof TimeoutException) {
			logger.warn("LIME login handler " + handler + " timed out after " + this.timeout + " on request "
					+ event.requestId() + " and was interrupted");
		}
		else {
			logger.error("LIME login handler " + handler + " failed on request " + event.requestId(), ex);
		}
	}

}
