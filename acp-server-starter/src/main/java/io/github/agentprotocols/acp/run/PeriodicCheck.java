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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A check of the executor's runs repeated at a fixed interval between {@link #start()}
 * and {@link #stop()}, which the {@link RunExecutor} calls as it starts and once it has
 * shut down.
 */
abstract class PeriodicCheck {

	private final Log logger = LogFactory.getLog(getClass());

	private final Duration interval;

	private volatile @Nullable Disposable task;

	PeriodicCheck(Duration interval) {
		this.interval = interval;
	}

	/**
	 * Runs the check once.
	 * @return completes when done
	 */
	abstract Mono<Void> check();

	/**
	 * Starts what runs beside the periodic check.
	 * @return how to stop it
	 */
	Disposable startAlongside() {
		return Disposables.disposed();
	}

	void start() {
		Disposable periodic = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> check().onErrorResume((ex) -> {
				this.logger.warn("Periodic check of runs failed", ex);
				return Mono.empty();
			}))
			.subscribe();
		this.task = Disposables.composite(periodic, startAlongside());
	}

	void stop() {
		Disposable running = this.task;
		if (running != null) {
			running.dispose();
		}
		this.task = null;
	}

}
