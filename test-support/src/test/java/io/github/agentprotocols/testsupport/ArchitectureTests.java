package io.github.agentprotocols.testsupport;

/**
 * The architecture rules on test-support's own main classes.
 */
class ArchitectureTests extends ArchitectureCheckTests {

}
