/**
 * The HTTP client of the LIME API: response envelope, error mapping and retry policy.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.client;

import org.jspecify.annotations.NullMarked;
