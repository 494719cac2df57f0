/**
 * The embedded default {@link io.github.agentprotocols.acp.ThreadStore}: threads, events
 * and runs held in memory.
 */
@NullMarked
package io.github.agentprotocols.acp.store;

import org.jspecify.annotations.NullMarked;
