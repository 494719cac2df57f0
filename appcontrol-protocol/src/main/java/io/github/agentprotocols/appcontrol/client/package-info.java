/**
 * Clients that run app-control commands: the client interfaces, event streams, the helper
 * client and the HTTP client of a local service host.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.client;

import org.jspecify.annotations.NullMarked;
