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

package io.github.agentprotocols.lime.health;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link LimeHealthIndicator} over a dispatcher connected to the fake LIME API.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeHealthIndicatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	@SpecItem("LIME-8.11")
	void connectedStreamIsUp(FakeLimeApi fake) {
		LimeHealthIndicator indicator = started(fake, UnaryOperator.identity());
		Health health = awaitStatus(indicator, LimeConnectionState.Status.CONNECTED);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("apiBase", fake.baseUrl())
			.containsEntry("stream", "connected")
			.containsKey("since")
			.doesNotContainKey("lastFailure");
	}

	@Test
	void lastEventTimeIsADetailOnceTheStreamSentOne(FakeLimeApi fake) {
		LimeHealthIndicator indicator = started(fake, UnaryOperator.identity());
		awaitStatus(indicator, LimeConnectionState.Status.CONNECTED);
		assertThat(indicator.health().block().getDetails()).doesNotContainKey("lastEvent");
		Instant before = Instant.now();
		fake.emitExpired("lr_health");
		await().atMost(WAIT).until(() -> this.dispatcher.getLastEventTime() != null);
		assertThat((Instant) indicator.health().block().getDetails().get("lastEvent")).isAfterOrEqualTo(before);
	}

	@Test
	@SpecItem("LIME-8.6")
	void rejectedSiteTokenIsDown(FakeLimeApi fake) {
		LimeHealthIndicator indicator = started(fake, "st_wrong",
				(builder) -> builder.authRejectionLimit(2).backoffBase(Duration.ofMillis(10)));
		Health health = awaitStatus(indicator, LimeConnectionState.Status.AUTH_REJECTED);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("stream", "auth_rejected").containsKey("lastFailure");
		await().atMost(WAIT).until(() -> this.dispatcher.getState().attempt() == 2);
		assertThat(indicator.health().block().getDetails()).containsEntry("rejections", 2);
	}

	@Test
	@SpecItem("LIME-8.11")
	void reconnectingStreamIsUnknownWithTheAttempt(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 1000, 503);
		LimeHealthIndicator indicator = started(fake,
				(builder) -> builder.backoffBase(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)));
		await().atMost(WAIT).until(() -> this.dispatcher.getState().attempt() >= 2);
		Health health = indicator.health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("stream", "reconnecting").containsKey("lastFailure");
		assertThat((Integer) health.getDetails().get("attempt")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void stoppedDispatcherIsUnknown(FakeLimeApi fake) {
		LimeEventDispatcher stopped = LimeEventDispatcher.builder(fake.siteToken()).apiBase(fake.baseUrl()).build();
		Health health = new LimeHealthIndicator(stopped, fake.baseUrl()).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("stream", "stopped");
	}

	private LimeHealthIndicator started(FakeLimeApi fake, UnaryOperator<LimeEventDispatcher.Builder> settings) {
		return started(fake, fake.siteToken(), settings);
	}

	private LimeHealthIndicator started(FakeLimeApi fake, String siteToken,
			UnaryOperator<LimeEventDispatcher.Builder> settings) {
		this.dispatcher = settings.apply(LimeEventDispatcher.builder(siteToken).apiBase(fake.baseUrl())).build();
		this.dispatcher.start();
		return new LimeHealthIndicator(this.dispatcher, fake.baseUrl());
	}

	private Health awaitStatus(LimeHealthIndicator indicator, LimeConnectionState.Status status) {
		await().atMost(WAIT).until(() -> this.dispatcher.getState().status() == status);
		return indicator.health().block();
	}

}
