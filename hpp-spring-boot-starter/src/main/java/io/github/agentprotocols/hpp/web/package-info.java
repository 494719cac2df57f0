/**
 * The protocol's HTTP routes and WebSocket channel.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.web;

import org.jspecify.annotations.NullMarked;
