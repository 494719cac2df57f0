/**
 * Remote procedure calls through the Happy server (spec §6): encrypted parameters and
 * results, the server's error texts, client-side timeouts.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.happy.rpc;

import org.jspecify.annotations.NullMarked;
