/**
 * LIME agent login for site backends: the {@link io.github.agentprotocols.lime.LimeSite}
 * facade, its results and exceptions, and the SPIs of the stores, handlers and broadcast.
 * <p>
 * API: every public type (LimeSite, BlockingLimeSite, LimeLoginHandler, LimeException and
 * its subclasses, the events, the store and broadcast SPIs, LimeMetrics).
 */
@NullMarked
package io.github.agentprotocols.lime;

import org.jspecify.annotations.NullMarked;
