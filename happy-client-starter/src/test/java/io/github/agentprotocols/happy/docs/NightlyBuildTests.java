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

package io.github.agentprotocols.happy.docs;

import java.time.Duration;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.MachineOfflineException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.RpcTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// tag::junit[]
class NightlyBuildTests {

	// an offline machine's call is refused after 1 s rather than the server's 15 s
	@RegisterExtension
	static final FakeHappyServerExtension fakeServer = new FakeHappyServerExtension((server) -> server
		.rpcTimings(new RpcTimings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(4))));

	@Test
	void taskRunsOnTheDaemon(HappyTestAccount account) {
		try (FakeHappyDaemon daemon = FakeHappyDaemon.start(account);
				HappyClient happy = HappyClient.create(account.credentials())) {
			String sessionId = happy.runTask(daemon.machineId(), "/work", "Hello");
			assertThat(happy.getMessages(sessionId)).extracting(Message::role).contains("user", "session");
		}
	}

	@Test
	void offlineMachineIsReported(FakeHappyServer server, HappyTestAccount account) {
		try (FakeHappyDaemon daemon = FakeHappyDaemon.start(account);
				HappyClient happy = HappyClient.create(account.credentials())) {
			server.faults().machineOffline(daemon.machineId(), true);
			assertThatExceptionOfType(MachineOfflineException.class)
				.isThrownBy(() -> happy.spawnSession(daemon.machineId(), "/work"));
		}
	}

}
// end::junit[]
