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

package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The LIME login page of {@code samples/lime-login} as the showcase serves it on the
 * in-process fake LIME API, in headless Chromium, driven by that sample's script: the
 * test kit's agent approves and the page shows it logged in.
 */
@ShowcaseTest
class LimeLoginBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeLimeApi lime;

	@Test
	void demoAgentApprovesAndThePageShowsItLoggedIn() throws IOException, InterruptedException {
		BrowserScript.run("lime-login.mjs", Path.of("target/showcase-lime-login.png"), "http://127.0.0.1:" + this.port,
				this.lime.agentId());
	}

}
