/**
 * The Happy server's REST API (spec §4) over Spring's {@code WebClient}, every failure
 * mapped to a {@link io.github.agentprotocols.happy.core.HappyException}.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.happy.rest;

import org.jspecify.annotations.NullMarked;
