package io.github.agentprotocols.acp;

import java.nio.file.Path;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance table of {@code docs/acp.md} (the checklist of spec §10) against the
 * {@code @SpecItem} annotations of this module's tests.
 */
class AcpConformanceTableTests {

	private final SpecItemTable table = SpecItemTable.read(Path.of("../docs/acp.md"));

	@Test
	void docsTableAndAnnotatedTestsAgree() {
		assertThat(this.table.disagreementsWith(getClass().getClassLoader(), "io.github.agentprotocols.acp")).isEmpty();
	}

	@Test
	void docsTableListsEveryChecklistItem() {
		assertThat(this.table.ids())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 53).mapToObj((item) -> "ACP-10." + item).toList());
	}

}
