/**
 * The ACP test kit: runs an assistant against an in-memory thread store without a server,
 * and records what the broadcast funnel delivers, with helpers that wait for it.
 * <p>
 * API: {@link io.github.agentprotocols.acp.test.AssistantTester},
 * {@link io.github.agentprotocols.acp.test.RunResult} and
 * {@link io.github.agentprotocols.acp.test.BroadcastRecorder}.
 */
@NullMarked
package io.github.agentprotocols.acp.test;

import org.jspecify.annotations.NullMarked;
