package io.github.agentprotocols.appcontrol;

import java.nio.file.Path;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance table of docs/appcontrol.md and the {@code @SpecItem} annotations of
 * this module's tests agree: every checklist item of §10 of the specification has a test,
 * and every annotated test names an item of the table.
 */
class AppControlConformanceTableTests {

	private final SpecItemTable table = SpecItemTable.read(Path.of("../docs/appcontrol.md"));

	@Test
	void tableListsEveryItemOfTheSpecsChecklist() {
		assertThat(this.table.ids())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 45).mapToObj((item) -> "AC-10." + item).toList());
	}

	@Test
	void tableAndSpecItemAnnotationsAgree() {
		assertThat(this.table.disagreementsWith(getClass().getClassLoader(), "io.github.agentprotocols.appcontrol"))
			.isEmpty();
	}

}
