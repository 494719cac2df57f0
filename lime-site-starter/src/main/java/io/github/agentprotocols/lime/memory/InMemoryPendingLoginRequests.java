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

package io.github.agentprotocols.lime.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link PendingLoginRequests} in the memory of one instance: right for a single
 * instance, not shared between several. A request is kept until its {@code expires_at}
 * plus a retention; beyond the capacity, the requests that expire first are forgotten
 * first.
 */
public class InMemoryPendingLoginRequests implements PendingLoginRequests {

	/**
	 * How long a request is kept past its {@code expires_at} by default.
	 */
	public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

	/**
	 * How many requests are kept by default.
	 */
	public static final int DEFAULT_CAPACITY = 10_000;

	private final Map<String, Instant> requests = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration retention;

	private final int capacity;

	/**
	 * Create a store on the given clock.
	 * @param clock the clock that decides when a request expires
	 */
	public InMemoryPendingLoginRequests(Clock clock) {
		this(clock, DEFAULT_RETENTION, DEFAULT_CAPACITY);
	}

	/**
	 * Create a store.
	 * @param clock the clock the retention is measured with
	 * @param retention how long a request is kept past its {@code expires_at}
	 * @param capacity how many requests are kept at most
	 */
	public InMemoryPendingLoginRequests(Clock clock, Duration retention, int capacity) {
		this.clock = clock;
		this.retention = retention;
		this.capacity = capacity;
	}

	@Override
	public Mono<Void> add(String requestId, Instant expiresAt) {
		return Mono.fromRunnable(() -> {
			this.requests.put(requestId, expiresAt);
			trim();
		});
	}

	@Override
	public Mono<Void> remove(String requestId) {
		return Mono.fromRunnable(() -> this.requests.remove(requestId));
	}

	@Override
	public Flux<PendingLoginRequest> pending() {
		return Flux.defer(() -> {
			trim();
			return Flux.fromIterable(List.copyOf(this.requests.entrySet()))
				.map((entry) -> new PendingLoginRequest(entry.getKey(), entry.getValue()));
		});
	}

	private void trim() {
		Instant forgotten = this.clock.instant().minus(this.retention);
		this.requests.values().removeIf((expiresAt) -> expiresAt.isBefore(forgotten));
		int excess = this.requests.size() - this.capacity;
		if (excess > 0) {
			this.requests.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
				.limit(excess)
				.toList()
				.forEach((entry) -> this.requests.remove(entry.getKey(), entry.getValue()));
		}
	}

}
