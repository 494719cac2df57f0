/**
 * The other half of a package tangle that {@code ArchitectureCheckTests} must find.
 */
@NullMarked
package io.github.agentprotocols.testsupport.architecturefixtures.tangled.right;

import org.jspecify.annotations.NullMarked;
