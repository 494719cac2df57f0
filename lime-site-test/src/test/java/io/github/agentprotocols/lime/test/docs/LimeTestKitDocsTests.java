package io.github.agentprotocols.lime.test.docs;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/lime-test-kit.md is a copy of a tagged region of a compiled
 * test source: of this package, or of the LIME site starter's {@code docs} package for
 * the examples that use the starter (which depends on this kit, so its tests run them).
 */
class LimeTestKitDocsTests {

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/lime-test-kit.md"), Path.of(""))).isEmpty();
	}

}
