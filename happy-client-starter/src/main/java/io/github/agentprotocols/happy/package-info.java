/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
