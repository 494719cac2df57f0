/**
 * The LIME event stream: the dispatcher that holds the site's Server-Sent-Events
 * connection open and delivers login approvals and expiries to
 * {@link io.github.agentprotocols.lime.LimeLoginHandler LimeLoginHandlers}.
 * <p>
 * API: LimeEventDispatcher and LimeConnectionState; the rest is internal.
 */
@NullMarked
package io.github.agentprotocols.lime.sse;

import org.jspecify.annotations.NullMarked;
