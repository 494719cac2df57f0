/**
 * The JSON of the LIME wire, shared by the LIME site starter and its test kit.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.wire;

import org.jspecify.annotations.NullMarked;
