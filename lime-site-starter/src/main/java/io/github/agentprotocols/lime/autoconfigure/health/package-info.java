/**
 * Auto-configuration of the LIME agent login health contributor.
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
