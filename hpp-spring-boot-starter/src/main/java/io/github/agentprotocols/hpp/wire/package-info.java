/**
 * The protocol's JSON shapes: events, session documents and the reference's truthiness.
 */
@NullMarked
package io.github.agentprotocols.hpp.wire;

import org.jspecify.annotations.NullMarked;
