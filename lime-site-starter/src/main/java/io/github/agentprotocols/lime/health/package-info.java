/**
 * Health of the LIME agent login starter.
 */
@NullMarked
package io.github.agentprotocols.lime.health;

import org.jspecify.annotations.NullMarked;
