/**
 * The x64acp Assistant Communication Protocol: its domain types, error model and the SPIs
 * (such as {@link io.github.agentprotocols.acp.ThreadStore}) that the starter's
 * transports and executor build on.
 * <p>
 * API: the domain types, {@link io.github.agentprotocols.acp.AcpException}, the callbacks
 * applications implement ({@code AcpAuthenticator}, {@code AcpAuthorizer},
 * {@code AcpAnalyticsSink}, {@code AcpBroadcastListener},
 * {@code AcpClusterBroadcastListener}, {@code AssistantHandler} and
 * {@code @AcpAssistant}), {@code ThreadStore}, {@code AcpBroadcaster} and
 * {@code AssistantRuns}, the metrics SPI {@code AcpMetrics} and the id generator
 * {@code AcpIds}. The engine behind the transports lives in an internal package.
 */
@NullMarked
package io.github.agentprotocols.acp;

import org.jspecify.annotations.NullMarked;
