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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docs page's Java blocks against the source regions they are copied from.
 */
class CodeSnippetsTests {

	@TempDir
	Path module;

	@BeforeEach
	void source() throws IOException {
		Path source = this.module.resolve("src/test/java/Example.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, """
				class Example {

					void run() {
						// tag::start[]
						LimeSite lime = LimeSite.builder().build();

						lime.start();
						// end::start[]
					}

				}
				""");
	}

	@Test
	void aBlockEqualToItsRegionOutdentedAgrees() throws IOException {
		Path page = page("<!-- code: src/test/java/Example.java#start -->",
				"LimeSite lime = LimeSite.builder().build();", "", "lime.start();");
		assertThat(CodeSnippets.disagreements(page, this.module)).isEmpty();
	}

	@Test
	void aBlockThatDiffersFromItsRegionIsReportedWithTheRegion() throws IOException {
		Path page = page("<!-- code: src/test/java/Example.java#start -->", "LimeSite lime = LimeSite.create();");
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement()
			.asString()
			.startsWith("page.md:2: differs from Example.java#start")
			.contains("lime.start();");
	}

	@Test
	void aBlockWithoutMarkerAMissingRegionAndAMissingFileAreReported() throws IOException {
		Path page = page("Some prose.", "int x;");
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement()
			.asString()
			.contains("without a <!-- code: --> marker");
		page = page("<!-- code: src/test/java/Example.java#stop -->", "int x;");
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement()
			.asString()
			.contains("no region 'stop'");
		page = page("<!-- code: src/test/java/Missing.java -->", "int x;");
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement().asString().contains("no source file");
	}

	@Test
	void aWholeFileBlockIsTheFileAfterItsLicenceHeader() throws IOException {
		Path source = this.module.resolve("src/test/java/Whole.java");
		Files.writeString(source, """
				/*
				 * Licensed under the Apache License, Version 2.0 (the "License");
				 */

				package example;

				class Whole {
				}
				""");
		Path page = page("<!-- code: src/test/java/Whole.java -->", "package example;", "", "class Whole {", "}");
		assertThat(CodeSnippets.disagreements(page, this.module)).isEmpty();
		page = page("<!-- code: src/test/java/Whole.java -->", "package example;", "", "class Other {", "}");
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement()
			.asString()
			.startsWith("page.md:2: differs from Whole.java")
			.doesNotContain("License");
	}

	@Test
	void aMarkedBlockOfAnotherLanguageIsComparedWithARegionInItsFilesCommentSyntax() throws IOException {
		Files.writeString(this.module.resolve("pom.xml"), """
				<dependencies>
					<!-- tag::starter[] -->
					<dependency>
						<artifactId>hpp-spring-boot-starter</artifactId>
					</dependency>
					<!-- end::starter[] -->
				</dependencies>
				""");
		Path page = this.module.resolve("page.md");
		Files.writeString(page, """
				<!-- code: pom.xml#starter -->
				```xml
				<dependency>
					<artifactId>hpp-spring-boot-starter</artifactId>
				</dependency>
				```
				""");
		assertThat(CodeSnippets.disagreements(page, this.module)).isEmpty();
		Files.writeString(page, Files.readString(page).replace("hpp-", "lime-"));
		assertThat(CodeSnippets.disagreements(page, this.module)).singleElement()
			.asString()
			.startsWith("page.md:2: differs from pom.xml#starter");
	}

	private Path page(String before, String... code) throws IOException {
		Path page = this.module.resolve("page.md");
		Files.writeString(page,
				before + "\n```java\n" + String.join("\n", code) + "\n```\n\n```properties\nx=1\n```\n");
		return page;
	}

}
