/**
 * The app-control wire types (commands, observations, events, errors and the service and
 * helper envelopes), which are the protocol's API, and the JSON rules they are read and
 * written by.
 */
@NullMarked
package io.github.agentprotocols.appcontrol;

import org.jspecify.annotations.NullMarked;
