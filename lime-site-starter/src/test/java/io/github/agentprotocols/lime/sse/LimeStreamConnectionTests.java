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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LimeStreamConnection} alone, with a listener that records what it is
 * given: the request it sends, the frames it passes on, its reconnects and states.
 */
class LimeStreamConnectionTests {

	@RegisterExtension
	final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	private final RecordingListener listener = new RecordingListener();

	private final List<LimeConnectionState> states = new CopyOnWriteArrayList<>();

	private LimeStreamConnection connection;

	@AfterEach
	void close() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

	@Test
	void sendsTheSiteTokenAndTheListenersLastEventIdAndPassesEveryFrameOn(FakeLimeApi fake) {
		this.listener.lastEventId = "41";
		open(fake, 3);
		awaitStatus(Status.CONNECTED);
		fake.emitApproved("lr_1", "jwt.here");
		LimeEventDispatcherTests.waiting()
			.until(() -> this.listener.frames.stream().anyMatch((data) -> data.contains("lr_1")));
		assertThat(this.listener.connected).hasValue(1);
		assertThat(this.listener.beforeConnect).hasValue(1);
		assertThat(this.connection.getLastEventTime()).isNotNull();
		var request = fake.requests().of(Endpoint.EVENTS).get(0);
		assertThat(request.header("X-Site-Token")).isEqualTo(fake.siteToken());
		assertThat(request.header("Last-Event-ID")).isEqualTo("41");
	}

	@Test
	void reconnectsAfterAFailureAskingTheListenerAgain(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 2, 503);
		open(fake, 3);
		awaitStatus(Status.CONNECTED);
		assertThat(this.states).extracting(LimeConnectionState::status)
			.containsSubsequence(Status.CONNECTING, Status.RECONNECTING, Status.RECONNECTING, Status.CONNECTED);
		assertThat(this.listener.beforeConnect).hasValue(3);
		assertThat(this.listener.connected).hasValue(1);
	}

	@Test
	void givesUpAfterTheAuthRejectionLimitAndStaysOpenUntilClosed(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 10, 401);
		open(fake, 2);
		LimeEventDispatcherTests.waiting()
			.until(() -> this.connection.getState().status() == Status.AUTH_REJECTED
					&& this.connection.getState().attempt() == 2);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isEqualTo(2);
		assertThat(this.listener.connected).hasValue(0);
		assertThat(this.connection.isOpen()).isTrue();
		this.connection.close();
		assertThat(this.connection.isOpen()).isFalse();
		assertThat(this.connection.getState().status()).isEqualTo(Status.STOPPED);
		assertThat(this.listener.closed).hasValue(1);
	}

	@Test
	void openingTwiceKeepsTheFirstListener(FakeLimeApi fake) {
		open(fake, 3);
		RecordingListener second = new RecordingListener();
		this.connection.open(() -> second);
		awaitStatus(Status.CONNECTED);
		assertThat(second.beforeConnect).hasValue(0);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	private void open(FakeLimeApi fake, int authRejectionLimit) {
		this.connection = new LimeStreamConnection(new LimeStreamConnection.Settings(WebClient.create(),
				URI.create(fake.baseUrl() + LimeEventDispatcher.EVENTS_PATH), fake.siteToken(), Duration.ofSeconds(30),
				new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random()), authRejectionLimit,
				64 * 1024), List.of(this.states::add), Clock.systemUTC());
		this.connection.open(() -> this.listener);
	}

	private void awaitStatus(Status status) {
		LimeEventDispatcherTests.waiting().until(() -> this.connection.getState().status() == status);
	}

	private static final class RecordingListener implements LimeStreamConnection.Listener {

		private final List<String> frames = new CopyOnWriteArrayList<>();

		private final AtomicInteger beforeConnect = new AtomicInteger();

		private final AtomicInteger connected = new AtomicInteger();

		private final AtomicInteger closed = new AtomicInteger();

		private volatile @Nullable String lastEventId;

		@Override
		public Mono<Void> beforeConnect() {
			return Mono.fromRunnable(this.beforeConnect::incrementAndGet);
		}

		@Override
		public @Nullable String lastEventId() {
			return this.lastEventId;
		}

		@Override
		public void connected() {
			this.connected.incrementAndGet();
		}

		@Override
		public Mono<Void> frame(ServerSentEvent<String> frame) {
			if (frame.data() != null) {
				this.frames.add(frame.data());
			}
			return Mono.empty();
		}

		@Override
		public void closed() {
			this.closed.incrementAndGet();
		}

	}

}
