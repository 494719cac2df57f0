/**
 * LIME agent login for site backends: the results of the
 * {@link io.github.agentprotocols.lime.site.LimeSite LimeSite}'s calls and its
 * exceptions, the login events, and the SPIs of the handlers, stores, broadcast and
 * metrics that the packages below implement or call.
 * <p>
 * API: every public type (LimeLoginHandler, LimeException and its subclasses, Passport,
 * the results, the events, LimeEvent, the store and broadcast SPIs, LimeMetrics), except
 * EventObservations, which is internal.
 */
@NullMarked
package io.github.agentprotocols.lime;

import org.jspecify.annotations.NullMarked;
