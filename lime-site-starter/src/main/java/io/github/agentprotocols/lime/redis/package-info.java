/**
 * Many instances of a site on one Redis: the lease under which one of them reads the LIME
 * event stream, the shared event log, pending requests and passport replay store, and the
 * broadcast of login outcomes to every instance.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.redis;

import org.jspecify.annotations.NullMarked;
