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
 * The app-control wire types: commands, observations, events, errors and the service and
 * helper envelopes, which are the protocol's API, with their enumerations, the JSON rules
 * they are read and written by, the base exception and the service host's metrics.
 * <p>
 * API: the models ({@code ToolCommand}, {@code ToolObservation}, {@code ToolEvent},
 * {@code ToolError}, {@code ServiceRequest}, {@code ServiceResponse},
 * {@code ServiceEventEnvelope}, {@code HelperRequest}, {@code HelperResponse}), their
 * enumerations, {@code WireObject}, {@code WireValue}, {@code AppControlException},
 * {@code ProtocolValidationException}, {@code AppControlJson} (the starter's one
 * configured mapper and the reading of wire text) and {@code AppControlMetrics}.
 * {@code JsonPointers}, {@code PythonWhitespace} and {@code UnicodeText} are public only
 * for the starter's other packages: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.appcontrol;

import org.jspecify.annotations.NullMarked;
