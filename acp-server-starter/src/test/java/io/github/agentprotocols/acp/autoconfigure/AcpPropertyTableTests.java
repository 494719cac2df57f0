package io.github.agentprotocols.acp.autoconfigure;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.PropertyTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property tables of {@code docs/acp.md} against the configuration metadata this
 * module generates.
 */
class AcpPropertyTableTests {

	@Test
	void docsTablesListEveryPropertyWithItsDefault() {
		assertThat(PropertyTable.read(Path.of("../docs/acp.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

}
