package io.github.agentprotocols.hpp;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance tables of {@code docs/hpp.md} (spec §12, Appendix A and §11.2) against
 * the {@code @SpecItem} annotations of this module's tests.
 */
class HppConformanceTableTests {

	private final SpecItemTable table = SpecItemTable.read(Path.of("../docs/hpp.md"));

	@Test
	void docsTablesAndAnnotatedTestsAgree() {
		assertThat(this.table.disagreementsWith(getClass().getClassLoader(), "io.github.agentprotocols.hpp")).isEmpty();
	}

	@Test
	void docsTablesListEveryChecklistItemAndEveryDeviation() {
		Stream<String> checklist = IntStream.rangeClosed(1, 34).mapToObj((item) -> "HPP-12." + item);
		Stream<String> deviations = IntStream.rangeClosed(1, 14).mapToObj((item) -> "HPP-A" + item);
		assertThat(this.table.ids()).containsAll(Stream.concat(checklist, deviations).toList());
	}

}
