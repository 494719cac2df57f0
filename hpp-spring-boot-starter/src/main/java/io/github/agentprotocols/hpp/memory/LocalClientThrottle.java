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

package io.github.agentprotocols.hpp.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import reactor.core.publisher.Mono;

/**
 * {@link ClientThrottle} of one instance, in its memory: each client's counts in a
 * {@link RequestWindow}. Only the most recently active clients are tracked, up to a
 * maximum, so memory stays bounded. Thread-safe; counts are per instance.
 */
@Internal
public final class LocalClientThrottle implements ClientThrottle {

	private final int limit;

	private final Map<String, RequestWindow> counts;

	private final Clock clock;

	/**
	 * Creates a throttle.
	 * @param limit counts allowed per client per sliding minute; 0 turns the throttle off
	 * @param maxClients the number of clients tracked at once; the least recently seen is
	 * forgotten first
	 * @param clock the clock
	 */
	public LocalClientThrottle(int limit, int maxClients, Clock clock) {
		this.limit = limit;
		this.clock = clock;
		this.counts = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, RequestWindow> eldest) {
				return size() > maxClients;
			}

		};
	}

	@Override
	public Mono<Long> retryAfterSeconds(String client) {
		return Mono.fromSupplier(() -> refusal(client));
	}

	@Override
	public Mono<Void> record(String client) {
		return Mono.fromRunnable(() -> count(client));
	}

	@Override
	public Mono<Long> tryAcquire(String client) {
		return Mono.fromSupplier(() -> acquire(client));
	}

	private synchronized long refusal(String client) {
		if (this.limit <= 0) {
			return 0;
		}
		RequestWindow window = this.counts.get(client);
		Instant now = this.clock.instant();
		return (window != null && window.isFull(now, this.limit)) ? window.retryAfterSeconds(now) : 0;
	}

	private synchronized void count(String client) {
		if (this.limit > 0) {
			this.counts.computeIfAbsent(client, (key) -> new RequestWindow())
				.tryAcquire(this.clock.instant(), this.limit);
		}
	}

	private synchronized long acquire(String client) {
		if (this.limit <= 0) {
			return 0;
		}
		RequestWindow window = this.counts.computeIfAbsent(client, (key) -> new RequestWindow());
		Instant now = this.clock.instant();
		return window.tryAcquire(now, this.limit) ? 0 : window.retryAfterSeconds(now);
	}

}
