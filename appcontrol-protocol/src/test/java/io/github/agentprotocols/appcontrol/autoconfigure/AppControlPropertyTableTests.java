package io.github.agentprotocols.appcontrol.autoconfigure;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.PropertyTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property tables of {@code docs/appcontrol.md} against the configuration metadata
 * this module generates.
 */
class AppControlPropertyTableTests {

	@Test
	void docsTablesListEveryPropertyWithItsDefault() {
		assertThat(PropertyTable.read(Path.of("../docs/appcontrol.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

}
