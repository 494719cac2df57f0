/**
 * Auto-configuration of the x64acp Assistant Communication Protocol starter.
 * <p>
 * API: {@link io.github.agentprotocols.acp.autoconfigure.AcpProperties}, the auto-
 * configuration classes, to exclude or order them, and the builder customizers
 * ({@code AcpOperationsBuilderCustomizer}, {@code RunExecutorBuilderCustomizer},
 * {@code AcpSocketIoServerBuilderCustomizer}). Other types: internal, not API, may change
 * in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure;

import org.jspecify.annotations.NullMarked;
