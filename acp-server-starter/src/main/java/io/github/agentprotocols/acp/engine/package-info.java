/**
 * The protocol engine behind the transports: the gate pipeline, the operations and the
 * broadcast funnel.
 * <p>
 * API: the options of {@code AcpOperations.Builder}, which an
 * {@code AcpOperationsBuilderCustomizer} changes. Other types: internal, not API, may
 * change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.engine;

import org.jspecify.annotations.NullMarked;
