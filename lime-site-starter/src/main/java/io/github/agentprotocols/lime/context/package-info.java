/**
 * Bridges of the LIME dispatcher to a Spring application context: its lifecycle, and
 * login outcomes published as application events.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.context;

import org.jspecify.annotations.NullMarked;
