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
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HPP form-fill page of {@code samples/hpp-form-fill} as the showcase serves it, in
 * headless Chromium, with that sample's script playing the agent over HTTP: the fields
 * appear live, and a field the user edited is kept from the agent.
 */
@ShowcaseTest
class HppFormFillBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void agentFillsTheFormLiveAndCannotOverwriteTheUser() throws IOException, InterruptedException {
		BrowserScript.run("hpp-form-fill.mjs", Path.of("target/showcase-hpp-form-fill.png"),
				"http://127.0.0.1:" + this.port);
	}

}
