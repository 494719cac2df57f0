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

import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.ThreadStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * The heartbeat watchdog of spec §6.9. Every interval it records that the executor's
 * runs, queued ones included, are alive, then fails with {@code timeout} every active run
 * of any instance whose heartbeat is older than the interval plus the grace: runs of an
 * instance that crashed. A healthy run is never judged by its age, so one that waited
 * {@code pending} for long stays untouched. Part of the {@link RunExecutor}.
 */
final class RunWatchdog extends PeriodicCheck {

	private static final Log logger = LogFactory.getLog(RunWatchdog.class);

	private final ThreadStore store;

	private final AcpBroadcaster broadcaster;

	private final RunExecutor executor;

	private final Duration silence;

	/**
	 * Creates a watchdog.
	 * @param store the store of runs
	 * @param broadcaster the broadcast funnel
	 * @param executor the executor whose runs to heartbeat
	 * @param interval the time between two checks and between two heartbeats
	 * @param grace how much longer than the interval a heartbeat may be missing
	 */
	RunWatchdog(ThreadStore store, AcpBroadcaster broadcaster, RunExecutor executor, Duration interval,
			Duration grace) {
		super(interval);
		this.store = store;
		this.broadcaster = broadcaster;
		this.executor = executor;
		this.silence = interval.plus(grace);
	}

	/**
	 * Heartbeats the executor's runs, then fails the orphaned runs of other instances.
	 * @return completes when done
	 */
	@Override
	Mono<Void> check() {
		Set<String> owned = this.executor.ownedRunIds();
		Mono<Void> heartbeat = owned.isEmpty() ? Mono.empty() : this.store.heartbeat(owned);
		return heartbeat.thenMany(this.store.orphanedRuns(this.silence))
			.filter((run) -> !this.executor.ownedRunIds().contains(run.id()))
			.concatMap(this::fail)
			.then();
	}

	private Mono<Void> fail(Run orphan) {
		logger.warn("Failing run " + orphan.id() + " of assistant " + orphan.assistantId()
				+ ": its executor sent no heartbeat for " + this.silence);
		return RunTransitions.finish(this.store, this.broadcaster, orphan, RunOutcome.orphaned(this.silence));
	}

}
