package io.github.agentprotocols.acp.test.docs;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/acp-test-kit.md is a copy of a tagged region of this package's
 * sources, which compile and run as tests.
 */
class AcpTestKitDocsTests {

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/acp-test-kit.md"), Path.of(""))).isEmpty();
	}

}
