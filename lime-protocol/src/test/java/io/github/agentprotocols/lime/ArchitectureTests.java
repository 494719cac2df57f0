package io.github.agentprotocols.lime;

import io.github.agentprotocols.testsupport.ArchitectureCheckTests;

/**
 * Spring Boot's architecture rules on this module's main classes.
 */
class ArchitectureTests extends ArchitectureCheckTests {

}
