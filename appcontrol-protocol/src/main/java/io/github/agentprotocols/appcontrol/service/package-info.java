/**
 * The local service host: runs ServiceRequest envelopes on an AppControlClient, and its
 * WebFlux handler.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.service;

import org.jspecify.annotations.NullMarked;
