package io.github.agentprotocols.happy.docs;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/happy.md is a copy of a tagged region of this package's
 * sources, which compile; the test kit's two examples run as the tests they are.
 */
class HappyDocsTests {

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/happy.md"), Path.of(""))).isEmpty();
	}

}
