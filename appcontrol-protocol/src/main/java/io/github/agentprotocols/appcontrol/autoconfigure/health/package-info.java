/**
 * Auto-configuration of the app-control health indicator.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
