/**
 * Auto-configuration of the Happy agent sessions starter.
 * <p>
 * API: {@link io.github.agentprotocols.happy.autoconfigure.HappyProperties},
 * {@link io.github.agentprotocols.happy.autoconfigure.ReactiveHappyClientBuilderCustomizer}
 * and {@link io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration} (to
 * order against or exclude).
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure;

import org.jspecify.annotations.NullMarked;
