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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import static io.github.agentprotocols.lime.sse.LimeEventDispatcherTests.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LimeEventDispatcher} under a storm of stream drops against the
 * {@link FakeLimeApi}: every connection is dropped right after its headers, or after the
 * one event it replays from {@code Last-Event-ID}, each time with half a frame. Every
 * event published after the dispatcher learnt its first id must arrive.
 */
@SpecItem("LIME-8.2")
class LimeEventDispatcherReconnectTests {

	private static final int DROPS = 1000;

	private static final int EVENTS = 200;

	@Test
	@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
	void thousandForcedDropsAreEachReconnectedAndNoReplayableEventIsMissed() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().sseIds(true).replay(true).start()) {
			RecordingHandler handler = new RecordingHandler();
			AtomicInteger reconnecting = new AtomicInteger();
			LimeEventDispatcher dispatcher = LimeEventDispatcher.builder(fake.siteToken())
				.apiBase(fake.baseUrl())
				.backoffBase(Duration.ofMillis(1))
				.maxBackoff(Duration.ofMillis(1))
				.handler(handler)
				.stateListener((state) -> {
					if (state.status() == Status.RECONNECTING) {
						reconnecting.incrementAndGet();
					}
				})
				.build();
			dispatcher.start();
			try {
				waiting().until(() -> dispatcher.getState().status() == Status.CONNECTED);
				fake.emitApproved("lr_start", "jwt.start");
				handler.awaitCalls("lr_start");
				fake.faults().dropStreamsAfter(0, true);
				List<String> expected = new ArrayList<>(List.of("lr_start jwt.start"));
				for (int published = 0; fake.requests().count(Endpoint.EVENTS) <= DROPS; Thread.sleep(1)) {
					if (published < EVENTS && fake.requests().count(Endpoint.EVENTS) >= published * 4) {
						String requestId = "lr_" + published++;
						fake.emitApproved(requestId, "jwt." + requestId);
						expected.add(requestId + " jwt." + requestId);
					}
				}
				fake.faults().reset();
				waiting().atMost(Duration.ofSeconds(30)).until(() -> handler.calls().size() > EVENTS);
				assertThat(handler.calls()).containsExactlyInAnyOrderElementsOf(expected);
				assertThat(reconnecting.get()).isGreaterThanOrEqualTo(DROPS);
				List<RecordedRequest> connects = fake.requests().of(Endpoint.EVENTS);
				assertThat(connects.subList(1, connects.size()))
					.allSatisfy((connect) -> assertThat(connect.header("Last-Event-ID")).isNotNull());
				waiting().until(() -> dispatcher.getState().status() == Status.CONNECTED);
			}
			finally {
				dispatcher.stop();
			}
		}
	}

}
