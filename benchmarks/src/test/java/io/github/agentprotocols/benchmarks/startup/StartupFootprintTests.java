package io.github.agentprotocols.benchmarks.startup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFootprintTests {

	@Test
	void variantsAreTheCommaSeparatedPropertiesWithoutBlanks() {
		assertThat(StartupFootprint.variants(" happy.enabled=false, ,acp.enabled=false"))
			.containsExactly("happy.enabled=false", "acp.enabled=false");
		assertThat(StartupFootprint.variants("")).isEmpty();
	}

}
