/**
 * Auto-configuration of the app-control health indicator.
 * <p>
 * API: {@code AppControlHealthContributorAutoConfiguration}, for ordering and exclusion.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
