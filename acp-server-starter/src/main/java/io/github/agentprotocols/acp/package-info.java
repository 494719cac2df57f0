/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
