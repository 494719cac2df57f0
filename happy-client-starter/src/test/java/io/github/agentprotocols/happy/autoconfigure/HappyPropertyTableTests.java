package io.github.agentprotocols.happy.autoconfigure;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.PropertyTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property tables of {@code docs/happy.md} against the configuration metadata this
 * module generates.
 */
class HappyPropertyTableTests {

	@Test
	void docsTablesListEveryPropertyWithItsDefault() {
		assertThat(PropertyTable.read(Path.of("../docs/happy.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

}
