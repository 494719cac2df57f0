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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.samples.showcase.ShowcaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app-control page in headless Chromium (Debian's package, driven by playwright-core
 * from {@code src/test/browser}) on the local service host and the demo desktop client: a
 * command the host refuses shows its envelope, an unknown app ends in a {@code not_found}
 * observation, and a run's events appear live, in order, before its observation.
 */
@ShowcaseTest
class AppControlBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void pageRunsDemoCommandsAndShowsTheirEventsLive() throws IOException, InterruptedException {
		BrowserScript.run("app-control.mjs", Path.of("target/showcase-app-control.png"),
				"http://127.0.0.1:" + this.port);
	}

}
