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

package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// tag::spring-test[]
@SpringBootTest
@AutoConfigureFakeLimeApi
class AgentLoginTests {

	@Autowired
	LimeSite site;

	@Autowired
	LimeAgent agent; // agent.approve(requestId): challenge, proof-of-work, approve

	@Autowired
	FakeLimeApi lime;

	@Autowired
	SiteSessions sessions;

	@Test
	void agentLogsIn() {
		// wait for the site to read its event stream
		await().until(() -> this.lime.openStreams() > 0);
		LoginRequest request = this.site.createLoginRequest().block();
		this.agent.approve(request.requestId());
		// the application's handlers and @EventListeners receive the passport
		await().until(() -> this.sessions.agentOf(request.requestId()) != null);
		assertThat(this.sessions.agentOf(request.requestId())).isEqualTo(this.lime.agentId());
	}

}
// end::spring-test[]
