/**
 * Where a LIME site reaches the LIME API: the connection details the starter reads and a
 * test kit's fake provides.
 * <p>
 * API: LimeConnectionDetails.
 */
@NullMarked
package io.github.agentprotocols.lime.connection;

import org.jspecify.annotations.NullMarked;
