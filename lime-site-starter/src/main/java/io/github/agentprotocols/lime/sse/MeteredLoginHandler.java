package io.github.agentprotocols.lime.sse;

import java.time.Duration;

import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LimeLoginHandler} that records how long another one runs in
 * {@link LimeMetrics}.
 */
final class MeteredLoginHandler implements LimeLoginHandler {

	private final LimeLoginHandler handler;

	private final LimeMetrics metrics;

	MeteredLoginHandler(LimeLoginHandler handler, LimeMetrics metrics) {
		this.handler = handler;
		this.metrics = metrics;
	}

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		long start = System.nanoTime();
		try {
			this.handler.onLogin(requestId, passportJwt);
		}
		catch (RuntimeException | Error ex) {
			this.metrics.handlerCompleted(Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
		this.metrics.handlerCompleted(Duration.ofNanos(System.nanoTime() - start), null);
	}

	@Override
	public String toString() {
		return this.handler.toString();
	}

}
