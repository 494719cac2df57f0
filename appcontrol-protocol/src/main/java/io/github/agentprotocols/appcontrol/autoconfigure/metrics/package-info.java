/**
 * Auto-configuration of the app-control service host's Micrometer meters.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
