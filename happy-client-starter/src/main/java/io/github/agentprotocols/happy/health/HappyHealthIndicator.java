/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.happy.health;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for Happy agent sessions: up while the Happy server
 * answers {@code GET /health} within 5 seconds, down otherwise, with whether the client's
 * socket is connected (it opens with the first operation that needs it). Without a client
 * (no credentials) the status is unknown and the details say why.
 */
public class HappyHealthIndicator extends AbstractReactiveHealthIndicator {

	/**
	 * How long the server may take to answer: a health probe gives up long before a
	 * request does ({@code happy.timeouts.request}, 30 s by default).
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
			.timeout(TIMEOUT,
					Mono.error(() -> new HappyConnectionException(
							"The Happy server at " + client.serverUrl() + " did not answer within " + TIMEOUT)))
			.then(Mono.fromSupplier(() -> builder.up().build()))
			.onErrorResume(
					(ex) -> Mono.just(builder.down().withDetail("error", String.valueOf(ex.getMessage())).build()));
	}

}
