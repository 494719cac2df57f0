/**
 * The embedded stores: passports already used and login requests still pending, in the
 * memory of one instance.
 * <p>
 * API: InMemoryPassportReplayStore and InMemoryPendingLoginRequests, for a LimeSite built
 * without Spring.
 */
@NullMarked
package io.github.agentprotocols.lime.memory;

import org.jspecify.annotations.NullMarked;
