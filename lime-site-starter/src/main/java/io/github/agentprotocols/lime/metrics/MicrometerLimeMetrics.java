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

package io.github.agentprotocols.lime.metrics;

import java.time.Duration;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LimeMetrics} that records in Micrometer: {@code lime.events} (tag {@code type}
 * = approved or expired), {@code lime.stream.reconnects}, {@code lime.passports} (tag
 * {@code outcome} = valid, invalid, expired or replayed) and the timer
 * {@code lime.login.handler} (tag {@code outcome} = success or error).
 */
public class MicrometerLimeMetrics implements LimeMetrics {

	private final Counter approved;

	private final Counter expired;

	private final Counter reconnects;

	private final Counter valid;

	private final Counter invalid;

	private final Counter expiredPassports;

	private final Counter replayed;

	private final Timer handlerSuccess;

	private final Timer handlerError;

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 */
	public MicrometerLimeMetrics(MeterRegistry registry) {
		this.approved = events(registry, "approved");
		this.expired = events(registry, "expired");
		this.reconnects = Counter.builder("lime.stream.reconnects")
			.description("Reconnects of the LIME event stream after it failed or ended")
			.register(registry);
		this.valid = passports(registry, "valid");
		this.invalid = passports(registry, "invalid");
		this.expiredPassports = passports(registry, "expired");
		this.replayed = passports(registry, "replayed");
		this.handlerSuccess = handler(registry, "success");
		this.handlerError = handler(registry, "error");
	}

	private static Counter events(MeterRegistry registry, String type) {
		return Counter.builder("lime.events")
			.tag("type", type)
			.description("Login events of the LIME stream delivered to the handlers")
			.register(registry);
	}

	private static Counter passports(MeterRegistry registry, String outcome) {
		return Counter.builder("lime.passports")
			.tag("outcome", outcome)
			.description("Passport verifications by outcome")
			.register(registry);
	}

	private static Timer handler(MeterRegistry registry, String outcome) {
		return Timer.builder("lime.login.handler")
			.tag("outcome", outcome)
			.description("Time a login handler takes on one event")
			.register(registry);
	}

	@Override
	public void eventDelivered(String type) {
		("approved".equals(type) ? this.approved : this.expired).increment();
	}

	@Override
	public void reconnecting() {
		this.reconnects.increment();
	}

	@Override
	public void passportVerified(Passport passport) {
		this.valid.increment();
	}

	@Override
	public void passportRejected(InvalidPassportException failure) {
		if (failure instanceof PassportExpiredException) {
			this.expiredPassports.increment();
		}
		else if (failure instanceof PassportReplayedException) {
			this.replayed.increment();
		}
		else {
			this.invalid.increment();
		}
	}

	@Override
	public void handlerCompleted(Duration duration, @Nullable Throwable failure) {
		((failure != null) ? this.handlerError : this.handlerSuccess).record(duration);
	}

}
