/**
 * The protocol's HTTP routes and WebSocket channel.
 */
@NullMarked
package io.github.agentprotocols.hpp.web;

import org.jspecify.annotations.NullMarked;
