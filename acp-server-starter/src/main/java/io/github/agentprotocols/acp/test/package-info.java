/**
 * Support for applications' tests: a listener that records what the broadcast funnel
 * delivers. The in-memory store for tests is
 * {@link io.github.agentprotocols.acp.store.InMemoryThreadStore}.
 * <p>
 * API: {@link io.github.agentprotocols.acp.test.RecordingBroadcastListener}.
 */
@NullMarked
package io.github.agentprotocols.acp.test;

import org.jspecify.annotations.NullMarked;
