/**
 * The embedded default {@link io.github.agentprotocols.acp.ThreadStore}: threads, events
 * and runs held in memory.
 * <p>
 * API: {@link io.github.agentprotocols.acp.memory.InMemoryThreadStore}, for tests and
 * single-instance applications. Other types: internal, not API, may change in any
 * release.
 */
@NullMarked
package io.github.agentprotocols.acp.memory;

import org.jspecify.annotations.NullMarked;
