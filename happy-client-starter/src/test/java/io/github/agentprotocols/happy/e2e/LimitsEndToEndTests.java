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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The server's limits of spec §11 and what the client does about them: listings capped at
 * 150 sessions, message pages of at most 500, socket packets of at most 1,000,000 bytes,
 * the ping interval and timeout of the handshake.
 */
class LimitsEndToEndTests {

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

	@SpecItem("HAPPY-11.9")
	@Test
	void sessionsBeyondTheNewest150AreListedAndFound() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 160; i++) {
			ids.add(this.account.createSession(Map.of("path", "/s" + i, "host", "box")));
		}
		Set<String> recent = new HashSet<>();
		this.account.get("/v1/sessions").get("sessions").forEach((session) -> recent.add(session.get("id").asString()));
		assertThat(recent).hasSize(150);
		String older = ids.stream().filter((id) -> !recent.contains(id)).findFirst().orElseThrow();
		fake.server().reset();
		assertThat(this.client.listSessions()).extracting(Session::id).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.client.getSession(older).id()).isEqualTo(older);
		assertThat(requests("/v2/sessions")).isNotEmpty()
			.allSatisfy((request) -> assertThat(Integer.parseInt(request.query().get("limit"))).isBetween(1, 200));
	}

	@SpecItem("HAPPY-8.2.2")
	@Test
	void anUnknownSessionIsNotFoundWithoutPagingThroughTheAccount() {
		for (int i = 0; i < 160; i++) {
			this.account.createSession(Map.of("path", "/s" + i, "host", "box"));
		}
		fake.server().reset();
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.getSession("nope"));
		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.stopSession("nope"));
		assertThat(requests("/v2/sessions")).isEmpty();
		assertThat(requests("/v3/sessions/nope/messages")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.query()).containsEntry("limit", "1"));
	}

	@SpecItem("HAPPY-11.9")
	@Test
	void messagesAreReadInPagesOfAtMost500() {
		String id = this.account.createSession(Map.of("path", "/a", "host", "box"));
		for (int batch = 0; batch < 11; batch++) {
			int first = batch * 100;
			this.account.postMessages(id,
					IntStream.range(first, first + 100)
						.mapToObj((n) -> Map.of("role", "agent", "content", Map.of("type", "output", "n", n)))
						.toList());
		}
		fake.server().reset();
		List<Message> messages = this.client.getMessages(id);
		assertThat(messages).hasSize(1100);
		List<ReceivedRequest> pages = requests("/v3/sessions/" + id + "/messages");
		assertThat(pages).extracting((request) -> request.query().get("limit")).containsOnly("500");
		assertThat(pages).extracting((request) -> request.query().get("after_seq"))
			.containsExactly("0", String.valueOf(messages.get(499).seq()), String.valueOf(messages.get(999).seq()));
	}

	@SpecItem("HAPPY-11.9")
	@Test
	void packetOverTheServersLimitIsRefusedAndTheConnectionKept() {
		String id = this.account.createSession(Map.of("path", "/a", "host", "box"));
		Session nearLimit = this.client.updateSessionMetadata(id, Map.of("blob", "x".repeat(700_000)));
		assertThat(nearLimit.metadataVersion()).isOne();
		assertThatExceptionOfType(HappyException.class)
			.isThrownBy(() -> this.client.updateSessionMetadata(id, Map.of("blob", "x".repeat(1_000_000))))
			.isNotInstanceOf(HappyConnectionException.class)
			.withMessageContaining("limit of 1000000 bytes");
		assertThat(this.client.updateSessionMetadata(id, Map.of("blob", "small")).metadataVersion()).isEqualTo(2);
		assertThat(requests("/v1/updates/")).hasSize(1);
	}

	@SpecItem("HAPPY-11.9")
	@Test
	void handshakeAnnouncesTheServersPingIntervalAndTimeout() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(fake.server().url() + FakeHappyServer.SOCKET_PATH + "/?EIO=4&transport=polling"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).startsWith("0{");
		JsonNode open = JsonMapper.builder().build().readTree(response.body().substring(1));
		assertThat(open.get("pingInterval").asLong()).isEqualTo(15_000);
		assertThat(open.get("pingTimeout").asLong()).isEqualTo(45_000);
	}

	private static List<ReceivedRequest> requests(String path) {
		return fake.server().requests().stream().filter((request) -> request.path().equals(path)).toList();
	}

}
