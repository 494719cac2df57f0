/**
 * A fake LIME API and an agent-side client, for tests of LIME site backends.
 * <p>
 * API: FakeLimeApi with its Builder, FakeLimeFaults, FakeLimeApiExtension, LimeAgent,
 * Passports, RecordedRequests, Endpoint and the other public types; package-private types
 * (the fake's server state and HTTP handler) are internal.
 */
@NullMarked
package io.github.agentprotocols.lime.test;

import org.jspecify.annotations.NullMarked;
