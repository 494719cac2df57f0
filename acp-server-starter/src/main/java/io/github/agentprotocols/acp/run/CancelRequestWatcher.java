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

package io.github.agentprotocols.acp.run;

import java.time.Duration;
import java.util.Set;

import io.github.agentprotocols.acp.RunCancelRequests;
import io.github.agentprotocols.acp.ThreadStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Cancels the executor's runs whose cancellation another instance recorded (spec §6.6):
 * at once when the store tells of requests ({@link RunCancelRequests}, PostgreSQL's
 * {@code NOTIFY}), and by polling the store for requests on the runs held, as a fallback.
 * Part of the {@link RunExecutor}.
 */
final class CancelRequestWatcher extends PeriodicCheck {

	/** The longest time between two polls that spec §6.6 allows. */
	static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(CancelRequestWatcher.class);

	private final ThreadStore store;

	private final RunExecutor executor;

	/**
	 * Creates a watcher.
	 * @param store the store of runs
	 * @param executor the executor whose runs to cancel
	 * @param pollInterval the time between two polls, at most {@link #MAX_POLL_INTERVAL}
	 */
	CancelRequestWatcher(ThreadStore store, RunExecutor executor, Duration pollInterval) {
		super(pollInterval);
		if (pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
			throw new IllegalArgumentException("pollInterval must be at most " + MAX_POLL_INTERVAL);
		}
		this.store = store;
		this.executor = executor;
	}

	/**
	 * Polls the store: cancels the held runs that have a cancellation request.
	 * @return completes when done
	 */
	@Override
	Mono<Void> check() {
		Set<String> owned = this.executor.ownedRunIds();
		if (owned.isEmpty()) {
			return Mono.empty();
		}
		return this.store.cancelRequested(owned).doOnNext(this.executor::cancelLocal).then();
	}

	@Override
	Disposable startAlongside() {
		if (!(this.store instanceof RunCancelRequests requests)) {
			return Disposables.disposed();
		}
		return requests.runCancelRequests()
			.subscribe(this.executor::cancelLocal,
					(ex) -> logger.warn("Cancellation requests are no longer notified; polling continues", ex));
	}

}
