/**
 * The app-control health indicator.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.health;

import org.jspecify.annotations.NullMarked;
