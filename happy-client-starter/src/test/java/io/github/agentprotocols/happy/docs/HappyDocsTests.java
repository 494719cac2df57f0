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

package io.github.agentprotocols.happy.docs;

import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of the Happy reference pages and how-to guides is a copy of a tagged
 * region of this package's sources, which compile; the test kit's two examples run as the
 * tests they are.
 */
class HappyDocsTests {

	static Stream<Path> pages() {
		return Stream
			.of("reference/happy.md", "reference/happy-test-kit.md",
					"how-to/run-a-task-on-a-remote-agent-with-happy.md", "how-to/provide-happy-account-credentials.md",
					"how-to/connect-to-a-self-hosted-happy-server.md",
					"how-to/test-happy-code-against-the-fake-server-and-daemon.md")
			.map((page) -> Path.of("../docs").resolve(page));
	}

	@ParameterizedTest
	@MethodSource("pages")
	void everyJavaBlockOfThePageIsACopyOfACompiledSource(Path page) {
		assertThat(page).isRegularFile();
		assertThat(CodeSnippets.disagreements(page, Path.of(""))).isEmpty();
	}

}
