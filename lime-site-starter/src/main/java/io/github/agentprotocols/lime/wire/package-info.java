/**
 * The JSON of the LIME wire.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.wire;

import org.jspecify.annotations.NullMarked;
