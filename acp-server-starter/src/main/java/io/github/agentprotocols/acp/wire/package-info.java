/**
 * The JSON shapes of x64acp: snake_case field names, W4 timestamps and the strict or
 * lenient reading of each input type, scoped to ACP types only.
 */
@NullMarked
package io.github.agentprotocols.acp.wire;

import org.jspecify.annotations.NullMarked;
