/**
 * Auto-configuration of the LIME agent login starter.
 * <p>
 * API: LimeProperties, the auto-configuration classes (to exclude or order against) and
 * the builder customizers (LimeSiteBuilderCustomizer, PassportVerifierBuilderCustomizer,
 * LimeEventDispatcherBuilderCustomizer); the rest is internal. The connection details the
 * starter reads are
 * {@code io.github.agentprotocols.lime.connection.LimeConnectionDetails}, of
 * {@code lime-protocol}.
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure;

import org.jspecify.annotations.NullMarked;
