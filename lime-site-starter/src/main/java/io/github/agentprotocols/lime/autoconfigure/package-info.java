/**
 * Auto-configuration of the LIME agent login starter.
 * <p>
 * API: LimeProperties, LimeConnectionDetails and the auto-configuration classes (to
 * exclude or order against); the rest is internal.
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure;

import org.jspecify.annotations.NullMarked;
