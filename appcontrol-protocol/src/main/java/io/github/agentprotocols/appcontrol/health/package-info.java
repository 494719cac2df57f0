/**
 * The app-control health indicator, the {@code appControl} member of the
 * {@code agentProtocols} health group.
 * <p>
 * API: {@code AppControlHealthIndicator}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.health;

import org.jspecify.annotations.NullMarked;
