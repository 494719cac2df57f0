/**
 * The site side of LIME agent login, the object a site holds:
 * {@link io.github.agentprotocols.lime.site.LimeSite} creates login and Agent Binding
 * requests at the LIME API and verifies the passports that come back;
 * {@link io.github.agentprotocols.lime.site.BlockingLimeSite} offers the same calls to
 * blocking code.
 * <p>
 * API: LimeSite and BlockingLimeSite.
 */
@NullMarked
package io.github.agentprotocols.lime.site;

import org.jspecify.annotations.NullMarked;
