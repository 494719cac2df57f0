package io.github.agentprotocols.acp.health;

import java.time.Duration;

import io.github.agentprotocols.acp.ThreadStore;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for the x64acp Assistant Communication Protocol: up
 * when the thread store answers within five seconds, with the number of active runs; down
 * with the error otherwise. Both report the kind of store.
 */
public class AcpHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ThreadStore store;

	/**
	 * Creates the indicator.
	 * @param store the thread store
	 */
	public AcpHealthIndicator(ThreadStore store) {
		super("x64acp Assistant Communication Protocol health check failed");
		this.store = store;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		builder.withDetail("store", this.store.getClass().getSimpleName());
		return this.store.countActiveRuns()
			.timeout(TIMEOUT)
			.map((activeRuns) -> builder.up().withDetail("activeRuns", activeRuns).build())
			.onErrorResume((ex) -> Mono.just(builder.down(ex).build()));
	}

}
