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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.agentprotocols.lime.sse.LimeEventDispatcherTests.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reconciliation of pending login requests after each connection (spec
 * §4.7), against a {@link FakeLimeApi} that does not replay: an expiry published while
 * the dispatcher was disconnected is delivered all the same, once.
 */
@ExtendWith(FakeLimeApiExtension.class)
@SpecItem("LIME-8.2")
class LimeEventDispatcherReconciliationTests {

	private final RecordingHandler handler = new RecordingHandler();

	private final InMemoryPendingLoginRequests pending = new InMemoryPendingLoginRequests(Clock.systemUTC());

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stopDispatcher() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	void expiryMissedDuringADisconnectIsDeliveredOnceAfterTheReconnect(FakeLimeApi fake) {
		LimeSite site = site(fake);
		start(fake, site);
		LoginRequest missed = site.createLoginRequest().block();
		LoginRequest waiting = site.createLoginRequest().block();
		disconnect(fake);
		assertThat(fake.expire(missed.requestId())).isTrue();
		fake.faults().reset();

		assertThat(this.handler.awaitCalls(missed.requestId())).containsExactly(missed.requestId() + " null");
		waiting().until(() -> fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS) == 2);
		assertThat(this.handler.callsFor(waiting.requestId())).isEmpty();
		// the request is forgotten as pending after its expiry is handed to the
		// handlers, which may run first
		waiting().untilAsserted(() -> assertThat(this.pending.pending().collectList().block())
			.containsExactly(new PendingLoginRequest(waiting.requestId(), waiting.expiresAt())));
	}

	@Test
	void expiryThatArrivesOnTheStreamIsNotDeliveredAgainByTheReconciliation(FakeLimeApi fake) {
		LimeSite site = site(fake);
		start(fake, site);
		LoginRequest request = site.createLoginRequest().block();
		fake.expire(request.requestId());
		this.handler.awaitCalls(request.requestId());
		waiting().until(() -> this.pending.pending().collectList().block().isEmpty());
		disconnect(fake);
		fake.faults().reset();
		waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		LoginRequest next = site.createLoginRequest().block();
		fake.expire(next.requestId());
		this.handler.awaitCalls(next.requestId());
		assertThat(this.handler.calls()).containsExactly(request.requestId() + " null", next.requestId() + " null");
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isZero();
	}

	@Test
	void approvedRequestIsNoLongerPending(FakeLimeApi fake) throws Exception {
		LimeSite site = site(fake);
		start(fake, site);
		LoginRequest request = site.createLoginRequest().block();
		fake.agent().approve(request.requestId());
		assertThat(this.handler.awaitCalls(request.requestId())).singleElement()
			.satisfies((call) -> assertThat(call).doesNotEndWith(" null"));
		waiting().until(() -> this.pending.pending().collectList().block().isEmpty());
	}

	@Test
	void requestPastItsExpiryIsDeliveredAsExpiredWithoutAPoll(FakeLimeApi fake) {
		this.pending.add("lr_long_gone", Instant.now().minusSeconds(1)).block();
		start(fake, site(fake));
		assertThat(this.handler.awaitCalls("lr_long_gone")).containsExactly("lr_long_gone null");
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isZero();
	}

	@Test
	void requestLimeDoesNotKnowIsDeliveredAsExpired(FakeLimeApi fake) {
		this.pending.add("lr_unknown", Instant.now().plusSeconds(60)).block();
		start(fake, site(fake));
		assertThat(this.handler.awaitCalls("lr_unknown")).containsExactly("lr_unknown null");
		assertThat(fake.requests().of(Endpoint.LOGIN_REQUEST_STATUS)).singleElement()
			.satisfies((poll) -> assertThat(poll.path()).endsWith("/lr_unknown"));
	}

	private LimeSite site(FakeLimeApi fake) {
		return LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.pendingRequests(this.pending)
			.build();
	}

	private void start(FakeLimeApi fake, LimeSite site) {
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.backoffBase(Duration.ofMillis(10))
			.maxBackoff(Duration.ofMillis(50))
			.handler(this.handler)
			.reconcile(this.pending, site::getLoginStatus)
			.build();
		this.dispatcher.start();
		waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED && fake.openStreams() == 1);
	}

	/**
	 * Drop the stream (at its next frame, a keepalive sent now) and keep it from
	 * reconnecting until the faults are reset.
	 */
	private void disconnect(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 100_000, 503).dropStreamsAfter(0, false);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		waiting().until(() -> fake.openStreams() == 0 && this.dispatcher.getState().status() == Status.RECONNECTING);
	}

}
