/**
 * Observation of reactive calls, shared by the protocol starters: an observation stopped
 * exactly once, whichever of success, error or cancel comes first.
 */
@NullMarked
package io.github.agentprotocols.commons.observation;

import org.jspecify.annotations.NullMarked;
