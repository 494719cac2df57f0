/**
 * Client of a Happy server: spawns, drives and watches remote agent sessions, end-to-end
 * encrypted.
 * <p>
 * API: {@link io.github.agentprotocols.happy.ReactiveHappyClient},
 * {@link io.github.agentprotocols.happy.HappyClient}, the values they take and give
 * ({@code Session}, {@code Message}, {@code Machine}, {@code SpawnOptions},
 * {@code Agent}, {@code PermissionMode}, {@code TaskProgress}, {@code HappyMetrics}) and
 * the client's exceptions. Credentials and the exceptions' base,
 * {@link io.github.agentprotocols.happy.core.HappyException}, are in the
 * {@code happy-protocol} module.
 */
@NullMarked
package io.github.agentprotocols.happy;

import org.jspecify.annotations.NullMarked;
