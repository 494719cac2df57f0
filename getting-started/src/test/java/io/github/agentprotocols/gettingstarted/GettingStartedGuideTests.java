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

package io.github.agentprotocols.gettingstarted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/getting-started.md shows the applications under src/it as they are built and run.
 */
class GettingStartedGuideTests {

	private static final List<String> APPLICATIONS = List.of("hpp", "lime", "acp", "app-control", "happy");

	@Test
	void everySnippetOfTheGuideIsAFileOfAnApplication() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/getting-started.md"), Path.of(""))).isEmpty();
	}

	@Test
	void everyApplicationHasTheBomImportAndApplicationClassTheGuideShowsOnce() throws IOException {
		String pom = Files.readString(Path.of("src/it/hpp/pom.xml"));
		String bom = pom.substring(pom.indexOf("<!-- tag::bom[] -->"), pom.indexOf("<!-- end::bom[] -->"));
		String application = Files
			.readString(Path.of("src/it/hpp/src/main/java/com/example/demo/DemoApplication.java"));
		for (String name : APPLICATIONS) {
			Path project = Path.of("src/it", name);
			assertThat(Files.readString(project.resolve("pom.xml"))).as(name).contains(bom);
			assertThat(project.resolve("src/main/java/com/example/demo/DemoApplication.java")).as(name)
				.hasContent(application);
			assertThat(project.resolve("request.sh")).as(name).isRegularFile();
			assertThat(project.resolve("answer.txt")).as(name).isRegularFile();
		}
	}

}
