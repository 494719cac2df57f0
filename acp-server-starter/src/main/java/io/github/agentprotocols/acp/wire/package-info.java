/**
 * The JSON shapes of x64acp: snake_case field names, W4 timestamps and the strict or
 * lenient reading of each input type, scoped to ACP types only.
 * <p>
 * API: {@link io.github.agentprotocols.acp.wire.AcpJson}, the starter's one wire-JSON
 * mapper. Other types: internal, not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.wire;

import org.jspecify.annotations.NullMarked;
