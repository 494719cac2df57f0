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

import java.time.Duration;

import io.github.agentprotocols.gettingstarted.FirstRequestTests;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LoginRequestStatus;
import io.github.agentprotocols.lime.test.context.FakeLimeApiConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.awaitility.Awaitility.await;

// what TestDemoApplication runs: the test kit's fake LIME API instead of LIME's
@Import(FakeLimeApiConfiguration.class)
class DemoApplicationTests extends FirstRequestTests {

	@Autowired
	private LimeSite lime;

	@Autowired
	private FakeLimeApi fake;

	@Test
	void theFakesAgentApprovesALoginRequestAndTheSiteStreamGetsIt() {
		String requestId = this.lime.createLoginRequest().block().requestId();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.fake.status(requestId) == LoginRequestStatus.DELIVERED);
	}

}
