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

package io.github.agentprotocols.hpp.health;

import java.time.Duration;

import io.github.agentprotocols.hpp.SessionStore;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for the Handshake Prompt Protocol: up when the
 * session store answers within five seconds, with the number of stored sessions; down
 * with the error otherwise. Both report the kind of store.
 */
public class HppHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final SessionStore store;

	private final String storeType;

	/**
	 * Creates the indicator.
	 * @param store the session store
	 * @param storeType the configured kind of store, reported as a detail
	 */
	public HppHealthIndicator(SessionStore store, String storeType) {
		super("Handshake Prompt Protocol health check failed");
		this.store = store;
		this.storeType = storeType;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		builder.withDetail("store", this.storeType);
		return this.store.count()
			.timeout(TIMEOUT)
			.map((sessions) -> builder.up().withDetail("sessions", sessions).build())
			.onErrorResume((ex) -> Mono.just(builder.down(ex).build()));
	}

}
