package io.github.agentprotocols.happy.health;

import java.util.function.Supplier;

import io.github.agentprotocols.happy.ReactiveHappyClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for Happy agent sessions: up while the Happy server
 * answers {@code GET /health}, down otherwise, with whether the client's socket is
 * connected (it opens with the first operation that needs it). Without a client (no
 * credentials) the status is unknown and the details say why.
 */
public class HappyHealthIndicator extends AbstractReactiveHealthIndicator {

	private final Supplier<@Nullable ReactiveHappyClient> client;

	private final Supplier<String> absentReason;

	/**
	 * Create an indicator.
	 * @param client the client, or {@code null} when there is none
	 * @param absentReason why there is no client
	 */
	public HappyHealthIndicator(Supplier<@Nullable ReactiveHappyClient> client, Supplier<String> absentReason) {
		super("Happy agent sessions health check failed");
		this.client = client;
		this.absentReason = absentReason;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		ReactiveHappyClient client = this.client.get();
		if (client == null) {
			return Mono.just(builder.unknown().withDetail("reason", this.absentReason.get()).build());
		}
		builder.withDetail("server", client.serverUrl())
			.withDetail("socket", client.isSocketConnected() ? "connected" : "not connected");
		return client.checkServer()
			.then(Mono.fromSupplier(() -> builder.up().build()))
			.onErrorResume(
					(ex) -> Mono.just(builder.down().withDetail("error", String.valueOf(ex.getMessage())).build()));
	}

}
