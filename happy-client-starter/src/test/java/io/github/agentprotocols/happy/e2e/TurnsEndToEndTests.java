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

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SessionArchivedException;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class TurnsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final FakeHappyServerExtension fake = new FakeHappyServerExtension();

	private TestAccount account;

	private HappyClient client;

	private String sessionId;

	@BeforeEach
	void createSession() {
		this.account = new TestAccount(fake.server());
		this.client = this.account.client().buildBlocking();
		this.sessionId = this.account.createSession(Map.of("path", "/p", "host", "box"));
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	private void playTurn(String turn) {
		this.account.postMessage(this.sessionId, TestAccount.sessionEvent("agent", turn, Map.of("t", "turn-start")));
		this.account.postMessage(this.sessionId,
				TestAccount.sessionEvent("agent", turn, Map.of("t", "text", "text", "Done.")));
		this.account.postMessage(this.sessionId,
				TestAccount.sessionEvent("agent", turn, Map.of("t", "turn-end", "status", "completed")));
	}

	private CompletableFuture<Void> waitInBackground(ReactiveHappyClient client, Duration timeout) {
		return client.waitForTurnCompletion(this.sessionId, timeout).toFuture();
	}

	@SpecItem("HAPPY-9.2.1")
	@Test
	void turnEndingAfterTheWaitBeganCompletesIt() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
		this.account.postMessage(this.sessionId, TestAccount.sessionEvent("agent", "t1", Map.of("t", "turn-start")));
		assertThat(wait).isNotDone();
		this.account.postMessage(this.sessionId,
				TestAccount.sessionEvent("agent", "t1", Map.of("t", "turn-end", "status", "completed")));
		assertThat(wait).succeedsWithin(WAIT);
	}

	@SpecItem("HAPPY-9.2.5")
	@Test
	void turnThatEndedBeforeTheWaitBeganIsStillCaught() {
		this.client.sendMessage(this.sessionId, "Hello");
		playTurn("t1");
		this.client.waitForTurnCompletion(this.sessionId, WAIT);
	}

	@SpecItem("HAPPY-9.2.5")
	@Test
	void anotherClientsPromptIsTheBaseline() {
		try (HappyClient other = this.account.client().buildBlocking()) {
			playTurn("old");
			other.sendMessage(this.sessionId, "Again");
			CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
			this.account.postMessage(this.sessionId,
					TestAccount.sessionEvent("agent", "t2", Map.of("t", "turn-start")));
			assertThat(wait).isNotDone();
			this.account.postMessage(this.sessionId,
					TestAccount.sessionEvent("agent", "t2", Map.of("t", "turn-end", "status", "completed")));
			assertThat(wait).succeedsWithin(WAIT);
		}
	}

	@SpecItem("HAPPY-9.2.2")
	@Test
	void legacyReadyAfterAgentOutputCompletesTheTurn() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
		Map<String, Object> ready = Map.of("role", "agent", "content",
				Map.of("id", "e1", "type", "event", "data", Map.of("type", "ready")));
		this.account.postMessage(this.sessionId, ready);
		this.account.postMessage(this.sessionId,
				Map.of("role", "agent", "content", Map.of("type", "output", "data", Map.of("type", "assistant"))));
		this.account.postMessage(this.sessionId, ready);
		assertThat(wait).succeedsWithin(WAIT);
	}

	@SpecItem("HAPPY-9.2.4")
	@Test
	void sessionEventDoneCompletesTheTurn() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
		// An ephemeral reaches only a wait already listening, and nothing tells when it
		// listens: sent again until the wait ends.
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			fake.server().emitSessionEvent(this.account.token(), this.sessionId, "done", "Done", "Finished");
			return wait.isDone();
		});
		assertThat(wait).succeedsWithin(WAIT);
	}

	@SpecItem("HAPPY-8.10.2")
	@SpecItem("HAPPY-10.7")
	@Test
	void unansweredPromptTimesOut() {
		this.client.sendMessage(this.sessionId, "Hello");
		this.account.postMessage(this.sessionId, Map.of("role", "agent", "content",
				Map.of("type", "event", "data", Map.of("type", "message", "message", "Process exited unexpectedly"))));
		assertThatExceptionOfType(HappyTimeoutException.class)
			.isThrownBy(() -> this.client.waitForTurnCompletion(this.sessionId, Duration.ofSeconds(2)));
	}

	@SpecItem("HAPPY-8.10.1")
	@Test
	void archivingTheSessionFailsTheWait() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
		awaitSocket();
		try (HappyClient other = this.account.client().buildBlocking()) {
			other.updateSessionMetadata(this.sessionId, Map.of("lifecycleState", "archived"), true);
		}
		assertThat(wait).failsWithin(WAIT)
			.withThrowableOfType(Exception.class)
			.havingRootCause()
			.isExactlyInstanceOf(SessionArchivedException.class)
			.withMessageContaining("archived");
	}

	@SpecItem("HAPPY-8.10.1")
	@Test
	void waitsOnASessionTheServerHoldsInactiveFailAtOnce() {
		this.client.sendMessage(this.sessionId, "Hello");
		this.account.archive(this.sessionId);
		assertThatExceptionOfType(SessionArchivedException.class)
			.isThrownBy(() -> this.client.waitForTurnCompletion(this.sessionId, WAIT))
			.withMessageContaining("inactive");
		assertThatExceptionOfType(SessionArchivedException.class)
			.isThrownBy(() -> this.client.waitForIdle(this.sessionId, WAIT));
		assertThatExceptionOfType(SessionArchivedException.class)
			.isThrownBy(() -> this.client.waitForIdle(this.sessionId, WAIT, true));
	}

	@SpecItem("HAPPY-8.10.1")
	@Test
	void sessionEndingDuringTheWaitFailsIt() {
		this.client.sendMessage(this.sessionId, "Hello");
		CompletableFuture<Void> wait = waitInBackground(this.client.reactive(), WAIT);
		awaitSocket();
		this.account.archive(this.sessionId);
		assertThat(wait).failsWithin(WAIT)
			.withThrowableOfType(Exception.class)
			.havingRootCause()
			.isExactlyInstanceOf(SessionArchivedException.class);
	}

	@SpecItem("HAPPY-8.10.2")
	@Test
	void waitForIdleTimesOutWhileTheAgentHasNoState() {
		assertThatExceptionOfType(HappyTimeoutException.class)
			.isThrownBy(() -> this.client.waitForIdle(this.sessionId, Duration.ofSeconds(1)));
	}

	@SpecItem("HAPPY-9.4.1")
	@Test
	void liveMessagesArriveDecryptedInOrder() {
		CompletableFuture<List<Message>> live = this.client.reactive()
			.messages(this.sessionId)
			.take(3)
			.collectList()
			.toFuture();
		awaitSocket();
		long first = this.client.sendMessage(this.sessionId, "Hello");
		playTurn("t1");
		assertThat(live).succeedsWithin(WAIT).satisfies((messages) -> {
			assertThat(messages).extracting(Message::seq).startsWith(first).isSorted();
			assertThat(messages.get(0).content()).containsEntry("role", "user");
			assertThat(messages.get(1).role()).isEqualTo("session");
		});
	}

	private void awaitSocket() {
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
