/**
 * JSON of the Happy server's REST API and Socket.IO events: the one configured mapper
 * ({@link io.github.agentprotocols.happy.wire.HappyJson}), encrypted records, pages,
 * update bodies and acknowledgements.
 * <p>
 * Internal: not API, may change in any release (the {@code happy-client-test} kit of the
 * same version uses it).
 */
@NullMarked
package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.NullMarked;
