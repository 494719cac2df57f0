/**
 * Client of a Happy server: spawns, drives and watches remote agent sessions, end-to-end
 * encrypted.
 * <p>
 * API: {@link io.github.agentprotocols.happy.ReactiveHappyClient},
 * {@link io.github.agentprotocols.happy.HappyClient}, the values they take and give
 * ({@code Session}, {@code Message}, {@code Machine}, {@code SpawnOptions},
 * {@code Agent}, {@code PermissionMode}, {@code TaskProgress}, {@code HappyMetrics},
 * {@code HappyObservations}) and the client's exceptions. Credentials and the exceptions'
 * base, {@link io.github.agentprotocols.happy.core.HappyException}, are in the
 * {@code happy-protocol} module.
 * <p>
 * Internal, not API and may change in any release: the client's transports,
 * {@code HappySocket} (the Socket.IO connection, with {@code SocketListener}) and
 * {@code HappyRpc} (with {@code RpcOutcome}), public for the benchmarks that measure
 * them, and the package-private REST client and session machinery.
 */
@NullMarked
package io.github.agentprotocols.happy;

import org.jspecify.annotations.NullMarked;
