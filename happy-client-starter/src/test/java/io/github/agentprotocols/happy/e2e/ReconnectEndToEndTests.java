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

package io.github.agentprotocols.happy.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyMetrics;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.test.ClientType;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's socket dropped by the server: it reconnects, re-syncs over REST and keeps
 * going (spec §5.5).
 */
class ReconnectEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final FakeHappyServerExtension fake = new FakeHappyServerExtension();

	private final AtomicInteger reconnects = new AtomicInteger();

	private TestAccount account;

	private HappyClient client;

	private String sessionId;

	@BeforeEach
	void createSession() {
		this.account = new TestAccount(fake.server());
		this.client = this.account.client().metrics(new HappyMetrics() {
			@Override
			public void reconnected() {
				ReconnectEndToEndTests.this.reconnects.incrementAndGet();
			}
		}).buildBlocking();
		this.sessionId = this.account.createSession(Map.of("path", "/p", "host", "box"));
	}

	@AfterEach
	void closeClient() {
		this.client.close();
		// The close reaches the server later: the next test's drop finds its socket only.
		await().atMost(WAIT).until(() -> fake.server().connectedSockets(ClientType.USER_SCOPED) == 0);
	}

	@SpecItem("HAPPY-9.2.7")
	@Test
	void turnEndingWhileDisconnectedIsCaughtAfterTheReconnect() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = this.client.reactive().waitForTurnCompletion(this.sessionId, WAIT).toFuture();
		awaitConnected();
		assertThat(fake.server().dropSockets(ClientType.USER_SCOPED)).isEqualTo(1);
		this.account.postMessage(this.sessionId, TestAccount.sessionEvent("agent", "t1", Map.of("t", "turn-start")));
		this.account.postMessage(this.sessionId,
				TestAccount.sessionEvent("agent", "t1", Map.of("t", "turn-end", "status", "completed")));
		assertThat(wait).succeedsWithin(WAIT);
	}

	@SpecItem("HAPPY-9.4.1")
	@Test
	void liveMessagesMissedWhileDisconnectedArriveAfterTheReconnect() {
		List<Message> delivered = new CopyOnWriteArrayList<>();
		CompletableFuture<List<Message>> live = this.client.reactive()
			.messages(this.sessionId, 0)
			.doOnNext(delivered::add)
			.take(3)
			.collectList()
			.toFuture();
		awaitConnected();
		long first = this.account.postMessage(this.sessionId, Map.of("role", "agent", "content", Map.of("n", 1)));
		// Once the first is delivered, the stream's catch-up over REST is done: the next
		// two can only come from the re-sync after the reconnect.
		await().atMost(WAIT).until(() -> !delivered.isEmpty());
		fake.server().dropSockets(ClientType.USER_SCOPED);
		long second = this.account.postMessage(this.sessionId, Map.of("role", "agent", "content", Map.of("n", 2)));
		long third = this.account.postMessage(this.sessionId, Map.of("role", "agent", "content", Map.of("n", 3)));
		assertThat(live).succeedsWithin(WAIT)
			.satisfies(
					(messages) -> assertThat(messages).extracting(Message::seq).containsExactly(first, second, third));
		assertThat(this.reconnects).hasPositiveValue();
	}

	@SpecItem("HAPPY-10.9")
	@Test
	void nextCallAfterTheReconnectSucceeds() {
		this.client.setSessionName(this.sessionId, "one");
		fake.server().dropSockets(ClientType.USER_SCOPED);
		awaitReconnect();
		assertThat(this.client.setSessionName(this.sessionId, "two").name()).isEqualTo("two");
		assertThat(this.client.getSession(this.sessionId).metadataVersion()).isEqualTo(2);
	}

	private void awaitReconnect() {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (this.reconnects.get() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(this.reconnects).hasPositiveValue();
	}

	private void awaitConnected() {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (!this.client.reactive().isSocketConnected() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
