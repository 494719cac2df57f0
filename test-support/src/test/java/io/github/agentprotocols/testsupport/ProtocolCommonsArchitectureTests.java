package io.github.agentprotocols.testsupport;

import com.tngtech.archunit.core.importer.Location;
import io.github.agentprotocols.commons.AgentProtocol;

/**
 * The architecture rules on protocol-commons' main classes: that module cannot extend
 * {@link ArchitectureCheckTests} itself, as this module depends on it.
 */
class ProtocolCommonsArchitectureTests extends ArchitectureCheckTests {

	@Override
	protected Location mainClasses() {
		return Location.of(AgentProtocol.class.getProtectionDomain().getCodeSource().getLocation());
	}

}
