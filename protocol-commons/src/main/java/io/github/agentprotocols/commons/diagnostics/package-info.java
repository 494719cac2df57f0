/**
 * Failure analysis of protocol starters that miss a required property.
 */
@NullMarked
package io.github.agentprotocols.commons.diagnostics;

import org.jspecify.annotations.NullMarked;
