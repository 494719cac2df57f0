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
 * The ACP chat page of {@code samples/acp-chat} as the showcase serves it, in headless
 * Chromium, driven by that sample's script: the demo assistant's events appear live over
 * Socket.IO, and after a reload the thread's history is shown once, without duplicates;
 * the Spring AI assistant's tool calls, tool results and answers, on the scripted demo
 * model, appear live too.
 */
@ShowcaseTest
class AcpChatBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void assistantAnswersLiveAndAReloadShowsTheHistoryOnce() throws IOException, InterruptedException {
		BrowserScript.run("acp-chat.mjs", Path.of("target/showcase-acp-chat.png"), "http://127.0.0.1:" + this.port);
	}

	@Test
	void springAiAssistantsToolCallResultAndAnswerAppearLive() throws IOException, InterruptedException {
		BrowserScript.run("spring-ai-chat.mjs", Path.of("target/showcase-spring-ai-chat.png"),
				"http://127.0.0.1:" + this.port);
	}

}
