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

package io.github.agentprotocols.commons.availability;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.agentprotocols.commons.LifecyclePhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Turns the starters' {@link ReadinessCheck readiness checks} into Spring Boot's
 * readiness state: every second it reads them, and when one gives a reason to refuse
 * traffic it publishes {@link ReadinessState#REFUSING_TRAFFIC} (so
 * {@code /actuator/health/readiness} answers {@code OUT_OF_SERVICE}); once none does,
 * {@link ReadinessState#ACCEPTING_TRAFFIC} again. It only ever undoes its own refusal.
 */
public class ReadinessChecks implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReadinessChecks.class);

	private final List<ReadinessCheck> checks;

	private final ApplicationEventPublisher publisher;

	private final Duration interval;

	private volatile @Nullable String refusing;

	private volatile @Nullable Disposable reading;

	/**
	 * Creates the publisher of the checks' verdict.
	 * @param checks the checks
	 * @param publisher where availability events go
	 * @param interval how often the checks are read
	 */
	public ReadinessChecks(List<ReadinessCheck> checks, ApplicationEventPublisher publisher, Duration interval) {
		this.checks = List.copyOf(checks);
		this.publisher = publisher;
		this.interval = interval;
	}

	/**
	 * Reads the checks once, publishing a change of verdict.
	 */
	void read() {
		String refusal = this.checks.stream()
			.map(ReadinessCheck::refusal)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		String refused = this.refusing;
		if (refusal != null && refused == null) {
			logger.warn("Refusing traffic: " + refusal);
			this.refusing = refusal;
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
		}
		else if (refusal == null && refused != null) {
			logger.info("Accepting traffic again: " + refused + " no longer holds");
			this.refusing = null;
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Override
	public synchronized void start() {
		if (this.reading == null && !this.checks.isEmpty()) {
			this.reading = Flux.interval(this.interval, this.interval).subscribe((tick) -> read());
		}
	}

	@Override
	public synchronized void stop() {
		Disposable running = this.reading;
		this.reading = null;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.reading != null;
	}

	/**
	 * After the starters' background work starts, so that the checks read what it set up.
	 */
	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK + 1;
	}

}
