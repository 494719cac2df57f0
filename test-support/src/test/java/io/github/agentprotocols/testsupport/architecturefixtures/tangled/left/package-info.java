/**
 * Half of a package tangle that {@code ArchitectureCheckTests} must find.
 */
@NullMarked
package io.github.agentprotocols.testsupport.architecturefixtures.tangled.left;

import org.jspecify.annotations.NullMarked;
