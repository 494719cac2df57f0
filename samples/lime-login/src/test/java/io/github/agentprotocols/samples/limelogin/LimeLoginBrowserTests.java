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

package io.github.agentprotocols.samples.limelogin;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sample as {@code --spring.profiles.active=offline} runs it, in headless Chromium:
 * the user starts a login, the demo agent (the test kit's {@code LimeAgent}, solving the
 * real proof-of-work against the in-process fake LIME API) approves, and the page turns
 * into "Logged in as" the agent, pushed over its one event stream.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("offline")
class LimeLoginBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeLimeApi lime;

	@Test
	void demoAgentApprovesAndThePageShowsItLoggedIn() throws IOException, InterruptedException {
		BrowserScript.run("lime-login.mjs", Path.of("target/lime-login-approve.png"), "http://127.0.0.1:" + this.port,
				"approve", this.lime.agentId());
	}

}
