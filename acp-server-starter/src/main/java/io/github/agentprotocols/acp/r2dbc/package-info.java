/**
 * The PostgreSQL {@link io.github.agentprotocols.acp.ThreadStore} on R2DBC and the
 * versioned schema it applies on start-up.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.r2dbc;

import org.jspecify.annotations.NullMarked;
