package io.github.agentprotocols.hpp.autoconfigure;

import java.nio.file.Path;

import io.github.agentprotocols.testsupport.PropertyTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property tables of {@code docs/hpp.md} and {@code docs/hpp-redis.md} against the
 * configuration metadata this module generates.
 */
class HppPropertyTableTests {

	@Test
	void docsTablesListEveryPropertyWithItsDefault() {
		assertThat(PropertyTable.read(Path.of("../docs/hpp.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

	@Test
	void redisModeTableAgreesWithTheMetadata() {
		assertThat(PropertyTable.read(Path.of("../docs/hpp-redis.md")).disagreementsWith(getClass().getClassLoader()))
			.isEmpty();
	}

}
