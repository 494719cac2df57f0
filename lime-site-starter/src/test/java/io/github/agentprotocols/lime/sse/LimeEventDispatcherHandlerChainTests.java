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

package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler chain a {@link LimeEventDispatcher} assembles itself, without Spring: its
 * metrics and its broadcast, last.
 */
class LimeEventDispatcherHandlerChainTests {

	@RegisterExtension
	final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final RecordingMetrics metrics = new RecordingMetrics();

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stopDispatcher() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	void outcomesAreBroadcastAfterEveryHandlerRanAndEachHandlerIsMetered(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 1, 503);
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.backoffBase(Duration.ofMillis(10))
			.maxBackoff(Duration.ofMillis(50))
			.handler((requestId, passportJwt) -> this.calls.add("handler " + requestId))
			.handler((requestId, passportJwt) -> {
				throw new IllegalStateException("handler failed");
			})
			.metrics(this.metrics)
			.broadcast((requestId, passportJwt) -> this.calls.add("broadcast " + requestId + " " + passportJwt))
			.build();
		this.dispatcher.start();
		LimeEventDispatcherTests.waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		fake.emitApproved("lr_1", "jwt.here");
		fake.emitExpired("lr_2");
		LimeEventDispatcherTests.waiting().until(() -> this.calls.size() == 4);
		assertThat(this.calls).containsSubsequence("handler lr_1", "broadcast lr_1 jwt.here")
			.containsSubsequence("handler lr_2", "broadcast lr_2 null");
		assertThat(this.metrics.events).containsExactlyInAnyOrder("approved", "expired");
		assertThat(this.metrics.handlerFailures).containsExactlyInAnyOrder(false, true, false, true);
		assertThat(this.metrics.reconnects).isOne();
	}

	@Test
	void withoutMetricsOrBroadcastOnlyTheHandlersRun(FakeLimeApi fake) {
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.handler((requestId, passportJwt) -> this.calls.add("handler " + requestId))
			.build();
		this.dispatcher.start();
		LimeEventDispatcherTests.waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		fake.emitApproved("lr_1", "jwt.here");
		LimeEventDispatcherTests.waiting().until(() -> !this.calls.isEmpty());
		assertThat(this.calls).containsExactly("handler lr_1");
		assertThat(this.metrics.events).isEmpty();
	}

	private static final class RecordingMetrics implements LimeMetrics {

		private final List<String> events = new CopyOnWriteArrayList<>();

		private final List<Boolean> handlerFailures = new CopyOnWriteArrayList<>();

		private volatile int reconnects;

		@Override
		public void eventDelivered(String type) {
			this.events.add(type);
		}

		@Override
		public void reconnecting() {
			this.reconnects++;
		}

		@Override
		public void handlerCompleted(Duration duration, @Nullable Throwable failure) {
			this.handlerFailures.add(failure != null);
		}

	}

}
