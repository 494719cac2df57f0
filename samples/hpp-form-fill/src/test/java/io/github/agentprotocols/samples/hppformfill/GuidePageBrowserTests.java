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

package io.github.agentprotocols.samples.hppformfill;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The getting-started guide's HPP page ({@code getting-started/src/it/hpp}, served here
 * from its source folder), which imports the starter's browser client, in headless
 * Chromium; the script plays the agent over HTTP: the page shows the prompt, the agent's
 * values appear live, and the user's edit reaches the session and locks the field.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.static-locations=file:../../getting-started/src/it/hpp/src/main/resources/static/")
class GuidePageBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theGuidePageShowsTheAgentsValuesLiveAndReportsTheUsersEdit() throws IOException, InterruptedException {
		BrowserScript.run("guide-page.mjs", Path.of("target/hpp-guide-page.png"), "http://127.0.0.1:" + this.port);
	}

}
