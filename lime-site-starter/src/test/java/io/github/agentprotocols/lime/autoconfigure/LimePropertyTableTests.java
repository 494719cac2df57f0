package io.github.agentprotocols.lime.autoconfigure;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.PropertyTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property tables of {@code docs/lime.md} against the configuration metadata this
 * module generates.
 */
class LimePropertyTableTests {

	@Test
	void docsTablesListEveryPropertyWithItsDefault() {
		assertThat(PropertyTable.read(Path.of("../docs/lime.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

}
