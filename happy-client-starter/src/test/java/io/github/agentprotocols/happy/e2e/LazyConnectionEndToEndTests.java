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

import java.util.Base64;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.test.ClientType;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A client makes no network call until its first operation (spec §8.1), checked on the
 * requests and sockets the fake server saw.
 */
class LazyConnectionEndToEndTests {

	@RegisterExtension
	static final FakeHappyServerExtension fake = new FakeHappyServerExtension();

	@SpecItem("HAPPY-8.1.2")
	@Test
	void constructingTheClientCallsNothingAndTheFirstOperationsConnectWhatTheyNeed() {
		FakeHappyServer server = fake.server();
		TestAccount account = new TestAccount(server);
		String sessionId = account.createSession(Map.of("path", "/a", "host", "box"));
		server.reset();
		try (HappyClient client = account.client().buildBlocking()) {
			assertThat(server.requests()).isEmpty();
			assertThat(server.connectedSockets()).isZero();
			client.listMachines();
			assertThat(server.requests()).extracting(ReceivedRequest::method, ReceivedRequest::path)
				.containsExactly(tuple("GET", "/v1/machines"));
			assertThat(server.connectedSockets()).isZero();
			client.setSessionName(sessionId, "first write");
			assertThat(server.requests()).extracting(ReceivedRequest::path).contains("/v1/updates/");
			assertThat(server.connectedSockets(ClientType.USER_SCOPED)).isOne();
		}
	}

	@SpecItem("HAPPY-8.1.2")
	@Test
	void tokenOfAMasterSecretIsObtainedByTheFirstOperationNotAtConstruction() {
		FakeHappyServer server = fake.server();
		TestAccount account = new TestAccount(server);
		HappyCredentials credentials = HappyCredentials.withoutToken(server.url(),
				Base64.getEncoder().encodeToString(account.secret()));
		try (ReactiveHappyClient client = ReactiveHappyClient.create(credentials)) {
			assertThat(server.requests()).isEmpty();
			client.listMachines().block();
			assertThat(server.requests()).extracting(ReceivedRequest::method, ReceivedRequest::path)
				.containsExactly(tuple("POST", "/v1/auth"), tuple("GET", "/v1/machines"));
		}
	}

}
