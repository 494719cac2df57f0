/**
 * The run executor of x64acp (spec §6): assistant registration, the lifecycle of each run
 * with its handler, timeouts, cancellation, chaining, analytics, the heartbeat watchdog
 * and graceful shutdown.
 * <p>
 * API: the options of {@code RunExecutor.Builder}, which a
 * {@code RunExecutorBuilderCustomizer} changes. Other types: internal, not API, may
 * change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.run;

import org.jspecify.annotations.NullMarked;
