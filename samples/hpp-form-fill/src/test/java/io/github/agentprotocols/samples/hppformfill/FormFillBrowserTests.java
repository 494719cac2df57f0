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
 * The sample page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}), with the script also playing the agent over HTTP: fields
 * appear live, and a field the user edited is rejected for the agent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FormFillBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void agentFillsTheFormLiveAndCannotOverwriteTheUser() throws IOException, InterruptedException {
		BrowserScript.run("form-fill.mjs", Path.of("target/hpp-form-fill.png"), "http://127.0.0.1:" + this.port);
	}

}
