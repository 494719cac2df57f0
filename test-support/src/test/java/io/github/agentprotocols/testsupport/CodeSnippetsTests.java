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

	private Path page(String before, String... code) throws IOException {
		Path page = this.module.resolve("page.md");
		Files.writeString(page,
				before + "\n```java\n" + String.join("\n", code) + "\n```\n\n```properties\nx=1\n```\n");
		return page;
	}

}
