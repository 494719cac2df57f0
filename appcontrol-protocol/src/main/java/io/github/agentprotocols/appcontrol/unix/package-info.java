/**
 * Newline-delimited JSON over Unix domain sockets, the wire of the Python peers: one JSON
 * document per line, with deadlines and a bound on the length of a line.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.unix;

import org.jspecify.annotations.NullMarked;
