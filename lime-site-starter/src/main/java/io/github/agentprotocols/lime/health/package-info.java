/**
 * Health of the LIME agent login starter.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.lime.health;

import org.jspecify.annotations.NullMarked;
