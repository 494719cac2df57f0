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

package com.example.demo;

import io.github.agentprotocols.gettingstarted.FirstRequestTests;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

// what TestDemoApplication runs: the test kit's fake Happy server and machine daemon instead of yours
@Import(FakeHappyServerConfiguration.class)
class DemoApplicationTests extends FirstRequestTests {

	@Autowired
	private HappyClient happy;

	@Autowired
	private FakeHappyDaemon daemon;

	@Test
	void aTaskRunsOnTheFakeDaemon() {
		String sessionId = this.happy.runTask(this.daemon.machineId(), "/work", "Hello");
		assertThat(this.happy.getMessages(sessionId)).extracting(Message::role).contains("user", "session");
	}

}
