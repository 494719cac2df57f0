/**
 * Auto-configuration of the LIME agent login starter.
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure;

import org.jspecify.annotations.NullMarked;
