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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.MetadataConflictException;
import io.github.agentprotocols.happy.MetadataUpdateException;
import io.github.agentprotocols.happy.PermissionMode;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.MetadataAckFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionsEndToEndTests {

	@RegisterExtension
	static final FakeHappyServerExtension fake = new FakeHappyServerExtension();

	private TestAccount account;

	private HappyClient client;

	@BeforeEach
	void createClient() {
		this.account = new TestAccount(fake.server());
		this.client = this.account.client().buildBlocking();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	private static Map<String, Object> metadata(String path) {
		return Map.of("path", path, "host", "box", "machineId", "m1", "flavor", "claude");
	}

	@SpecItem("HAPPY-3.5.2")
	@SpecItem("HAPPY-8.2.1")
	@Test
	void sessionsOfBothSchemesAreListedDecrypted() {
		String dataKey = this.account.createSession(metadata("/a"));
		String legacy = this.account.createLegacySession(metadata("/b"));
		List<Session> sessions = this.client.listSessions();
		assertThat(sessions).extracting(Session::id).containsExactlyInAnyOrder(dataKey, legacy);
		assertThat(sessions).filteredOn((session) -> session.id().equals(dataKey))
			.singleElement()
			.satisfies((session) -> assertThat(session.metadata()).containsEntry("path", "/a"));
		assertThat(sessions).filteredOn((session) -> session.id().equals(legacy))
			.singleElement()
			.satisfies((session) -> assertThat(session.metadata()).containsEntry("path", "/b"));
	}

	@SpecItem("HAPPY-8.2.1")
	@Test
	void activeOnlyListsActiveSessions() {
		String id = this.account.createSession(metadata("/a"));
		assertThat(this.client.listSessions(true)).extracting(Session::id).containsExactly(id);
	}

	@SpecItem("HAPPY-8.2.2")
	@Test
	void getSessionDecryptsTheSession() {
		String id = this.account.createSession(metadata("/a"));
		Session session = this.client.getSession(id);
		assertThat(session.id()).isEqualTo(id);
		assertThat(session.active()).isTrue();
		assertThat(session.metadataVersion()).isZero();
		assertThat(session.metadata()).containsEntry("host", "box");
		assertThat(session.agentState()).isNull();
	}

	@SpecItem("HAPPY-8.2.2")
	@SpecItem("HAPPY-10.5")
	@Test
	void unknownSessionIsNotFound() {
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.getSession("nope"))
			.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo("nope"));
	}

	@SpecItem("HAPPY-8.2.4")
	@Test
	void isAliveIsTheActiveFlagAndFalseForUnknownSessions() {
		String id = this.account.createSession(metadata("/a"));
		assertThat(this.client.isAlive(id)).isTrue();
		assertThat(this.client.isAlive("nope")).isFalse();
	}

	@SpecItem("HAPPY-8.8.7")
	@Test
	void setSessionNameWritesSummaryAndNameAndKeepsTheRest() {
		String id = this.account.createSession(metadata("/a"));
		Session named = this.client.setSessionName(id, "Nightly build");
		assertThat(named.metadataVersion()).isEqualTo(1);
		assertThat(named.name()).isEqualTo("Nightly build");
		Session read = this.client.getSession(id);
		assertThat(read.metadataVersion()).isEqualTo(1);
		assertThat(read.metadata()).containsEntry("name", "Nightly build")
			.containsEntry("path", "/a")
			.containsEntry("host", "box");
		assertThat(read.metadata().get("summary")).isInstanceOfSatisfying(Map.class, (summary) -> {
			assertThat(summary).containsEntry("text", "Nightly build");
			assertThat(summary.get("updatedAt")).isInstanceOf(Number.class);
		});
	}

	@SpecItem("HAPPY-8.8.1")
	@SpecItem("HAPPY-8.8.2")
	@Test
	void metadataUpdateMergesShallowly() {
		String id = this.account.createLegacySession(metadata("/a"));
		this.client.updateSessionMetadata(id, Map.of("gitBranch", "main"));
		Session session = this.client.updateSessionMetadata(id, Map.of("path", "/b"));
		assertThat(session.metadata()).containsEntry("gitBranch", "main")
			.containsEntry("path", "/b")
			.containsEntry("flavor", "claude");
		assertThat(this.client.getSession(id).metadataVersion()).isEqualTo(2);
	}

	@SpecItem("HAPPY-8.8.8")
	@Test
	void lifecycleStateChangeIsRefusedUnlessAllowed() {
		String id = this.account.createSession(metadata("/a"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.updateSessionMetadata(id, Map.of("lifecycleState", "archived")));
		assertThat(this.client.getSession(id).metadataVersion()).isZero();
		assertThat(this.client.updateSessionMetadata(id, Map.of("lifecycleState", "archived"), true).metadata())
			.containsEntry("lifecycleState", "archived");
	}

	@SpecItem("HAPPY-8.8.3")
	@Test
	void versionRacesAreRetriedWithTheServersDocument() {
		String id = this.account.createSession(metadata("/a"));
		String concurrent = this.account.key(id).seal(Map.of("path", "/a", "host", "box", "theirs", true));
		fake.server().faults().metadataVersionMismatch(id, 3, concurrent);
		Session session = this.client.updateSessionMetadata(id, Map.of("mine", true));
		assertThat(session.metadata()).containsEntry("theirs", true).containsEntry("mine", true);
		assertThat(session.metadataVersion()).isEqualTo(4);
	}

	@SpecItem("HAPPY-8.8.4")
	@SpecItem("HAPPY-10.11")
	@Test
	void tooManyVersionRacesAreAConflict() {
		String id = this.account.createSession(metadata("/a"));
		fake.server().faults().metadataVersionMismatch(id, 5);
		assertThatExceptionOfType(MetadataConflictException.class)
			.isThrownBy(() -> this.client.updateSessionMetadata(id, Map.of("mine", true)))
			.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo(id));
	}

	@SpecItem("HAPPY-8.8.4")
	@Test
	void retryBudgetIsAProperty() {
		String id = this.account.createSession(metadata("/a"));
		fake.server().faults().metadataVersionMismatch(id, 7);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
			.withPropertyValues("happy.server-url=" + fake.server().url(), "happy.token=" + this.account.token(),
					"happy.secret=" + Base64.getEncoder().encodeToString(this.account.secret()),
					"happy.metadata-updates.max-attempts=8", "happy.metadata-updates.max-backoff=50ms")
			.run((context) -> {
				Session session = context.getBean(HappyClient.class).updateSessionMetadata(id, Map.of("mine", true));
				assertThat(session.metadata()).containsEntry("mine", true);
				assertThat(session.metadataVersion()).isEqualTo(8);
			});
	}

	@SpecItem("HAPPY-8.8.5")
	@SpecItem("HAPPY-10.10")
	@Test
	void errorAckIsAMetadataUpdateFailure() {
		String id = this.account.createSession(metadata("/a"));
		fake.server().faults().metadataAck(id, MetadataAckFault.ERROR);
		assertThatExceptionOfType(MetadataUpdateException.class)
			.isThrownBy(() -> this.client.updateSessionMetadata(id, Map.of("mine", true)))
			.isNotInstanceOf(MetadataConflictException.class)
			.withMessageContaining("rejected")
			.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo(id));
		assertUnchanged(id);
	}

	@SpecItem("HAPPY-8.8.5")
	@SpecItem("HAPPY-10.10")
	@Test
	void malformedAckIsAMetadataUpdateFailure() {
		String id = this.account.createSession(metadata("/a"));
		fake.server().faults().metadataAck(id, MetadataAckFault.MALFORMED);
		assertThatExceptionOfType(MetadataUpdateException.class)
			.isThrownBy(() -> this.client.updateSessionMetadata(id, Map.of("mine", true)))
			.withMessageContaining("Malformed")
			.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo(id));
		assertUnchanged(id);
	}

	@SpecItem("HAPPY-8.8.5")
	@SpecItem("HAPPY-10.10")
	@Test
	void missingAckIsAMetadataUpdateFailure() {
		String id = this.account.createSession(metadata("/a"));
		fake.server().faults().metadataAck(id, MetadataAckFault.NONE);
		try (HappyClient impatient = this.account.client().metadataAckTimeout(Duration.ofMillis(500)).buildBlocking()) {
			assertThatExceptionOfType(MetadataUpdateException.class)
				.isThrownBy(() -> impatient.updateSessionMetadata(id, Map.of("mine", true)))
				.withMessageContaining("did not acknowledge")
				.satisfies((ex) -> assertThat(ex.sessionId()).isEqualTo(id));
		}
		assertUnchanged(id);
		fake.server().faults().metadataAck(id, null);
		assertThat(this.client.updateSessionMetadata(id, Map.of("mine", true)).metadata()).containsEntry("mine", true);
	}

	private void assertUnchanged(String id) {
		Session session = this.client.getSession(id);
		assertThat(session.metadataVersion()).isZero();
		assertThat(session.metadata()).doesNotContainKey("mine");
	}

	@SpecItem("HAPPY-8.8.3")
	@Test
	void tenConcurrentUpdatersAllLand() {
		String id = this.account.createSession(metadata("/a"));
		List<CompletableFuture<Session>> updates = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			updates.add(this.client.reactive().updateSessionMetadata(id, Map.of("updater" + i, true)).toFuture());
		}
		CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();
		Session session = this.client.getSession(id);
		for (int i = 0; i < 10; i++) {
			assertThat(session.metadata()).containsEntry("updater" + i, true);
		}
		assertThat(session.metadata()).containsEntry("path", "/a");
		assertThat(session.metadataVersion()).isEqualTo(10);
	}

	@SpecItem("HAPPY-8.8.3")
	@Test
	void updatersOfSeveralClientsRaceAndAllLand() {
		String id = this.account.createSession(metadata("/a"));
		List<HappyClient> clients = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<Session>> updates = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				HappyClient updater = this.account.client().buildBlocking();
				clients.add(updater);
				String key = "client" + i;
				updates.add(CompletableFuture.supplyAsync(() -> updater.updateSessionMetadata(id, Map.of(key, true)),
						executor));
			}
			CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			executor.shutdownNow();
			clients.forEach(HappyClient::close);
		}
		Session session = this.client.getSession(id);
		for (int i = 0; i < 4; i++) {
			assertThat(session.metadata()).containsEntry("client" + i, true);
		}
		assertThat(session.metadataVersion()).isEqualTo(4);
	}

	@SpecItem("HAPPY-8.3.1")
	@SpecItem("HAPPY-8.9.1")
	@Test
	void sentMessagesAreReadBackInSeqOrder() {
		String id = this.account.createSession(metadata("/a"));
		long first = this.client.sendMessage(id, "Hello");
		long second = this.client.sendMessage(id, "Plan it", PermissionMode.PLAN);
		assertThat(second).isGreaterThan(first);
		List<Message> messages = this.client.getMessages(id);
		assertThat(messages).extracting(Message::seq).containsExactly(first, second);
		assertThat(messages.get(0).content()).containsEntry("role", "user")
			.containsEntry("content", Map.of("type", "text", "text", "Hello"));
		assertThat(messages.get(0).content().get("meta")).isInstanceOfSatisfying(Map.class,
				(meta) -> assertThat(meta).containsEntry("permissionMode", "bypassPermissions")
					.containsEntry("sentFrom", "happy-sdk-java/0.1.0"));
		assertThat(messages.get(1).content().get("meta")).isInstanceOfSatisfying(Map.class,
				(meta) -> assertThat(meta).containsEntry("permissionMode", "plan"));
	}

	@SpecItem("HAPPY-8.3.1")
	@Test
	void getMessagesPagesThroughLongHistories() {
		String id = this.account.createSession(metadata("/a"));
		for (int i = 0; i < 620; i++) {
			this.account.postMessage(id, Map.of("role", "agent", "content", Map.of("type", "output", "n", i)));
		}
		List<Message> messages = this.client.getMessages(id);
		assertThat(messages).hasSize(620);
		assertThat(messages).extracting(Message::seq).isSorted();
	}

	@SpecItem("HAPPY-8.3.2")
	@SpecItem("HAPPY-8.9.2")
	@SpecItem("HAPPY-10.5")
	@Test
	void sendingToAnUnknownSessionIsNotFound() {
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> this.client.sendMessage("nope", "Hello"));
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.getMessages("nope"));
	}

	@SpecItem("HAPPY-8.6.3")
	@Test
	void stoppingAnUnknownSessionIsNotFound() {
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.stopSession("nope"));
	}

	@SpecItem("HAPPY-8.1.1")
	@Test
	void closeDisconnectsTheSocket() {
		String id = this.account.createSession(metadata("/a"));
		HappyClient other = this.account.client().buildBlocking();
		other.setSessionName(id, "opened the socket");
		assertThat(other.reactive().isSocketConnected()).isTrue();
		other.close();
		assertThat(other.reactive().isSocketConnected()).isFalse();
	}

	@SpecItem("HAPPY-8.7.1")
	@SpecItem("HAPPY-10.5")
	@Test
	void deletedSessionIsGone() {
		String id = this.account.createSession(metadata("/a"));
		this.client.deleteSession(id);
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.getSession(id));
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.deleteSession(id));
	}

	@SpecItem("HAPPY-8.8.6")
	@SpecItem("HAPPY-10.5")
	@Test
	void metadataUpdateOfAnUnknownSessionIsNotFound() {
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> this.client.setSessionName("nope", "x"));
	}

}
