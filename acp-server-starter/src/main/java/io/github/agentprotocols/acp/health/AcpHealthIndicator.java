package io.github.agentprotocols.acp.health;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for x64acp Assistant Communication Protocol: up while
 * the starter is active. The starter has nothing of its own to check yet; its checks join
 * here as it is built.
 */
public class AcpHealthIndicator extends AbstractReactiveHealthIndicator {

	public AcpHealthIndicator() {
		super("x64acp Assistant Communication Protocol health check failed");
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.just(builder.up().build());
	}

}
