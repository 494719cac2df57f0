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
import java.time.Duration;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The showcase in AOT mode, as a native image would run it: the executable jar, with the
 * code that the build's {@code process-aot} generated, runs in a JVM of its own with
 * {@code -Dspring.aot.enabled=true}, and the browser tests' scripts drive the landing
 * page and each protocol's demo on it (headless Chromium, playwright-core from
 * {@code src/test/browser}). Failsafe runs it after the {@code package} phase made the
 * jar.
 */
class ShowcaseAotModeIT {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static JarProcess showcase;

	@BeforeAll
	static void start() throws IOException, InterruptedException {
		showcase = JarProcess.start(Path.of("target/showcase.jar"), Path.of("target/showcase-aot.log"), START_TIMEOUT,
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true");
		showcase.assertLogged("Starting AOT-processed ShowcaseApplication");
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (showcase != null) {
			showcase.stop();
		}
	}

	/**
	 * The landing page (every protocol's health UP, live) and the demos whose scripts
	 * need nothing but the showcase's URL.
	 * @param page the script's name, without {@code .mjs}
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "landing", "hpp-form-fill", "acp-chat", "spring-ai-chat", "app-control", "happy" })
	void pageRunsItsDemo(String page) throws IOException, InterruptedException {
		run(page);
	}

	@Test
	void demoAgentLogsInThroughLime() throws IOException, InterruptedException {
		// The fake LIME API's agent is not known here: the script takes the approver that
		// LIME names.
		run("lime-login", "");
	}

	private static void run(String page, String... arguments) throws IOException, InterruptedException {
		String[] all = new String[arguments.length + 1];
		all[0] = showcase.baseUrl();
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		BrowserScript.run(page + ".mjs", Path.of("target/showcase-aot-" + page + ".png"), all);
	}

}
