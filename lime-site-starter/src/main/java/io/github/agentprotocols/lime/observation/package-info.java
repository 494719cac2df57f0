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
 * Micrometer Observation instrumentation of LIME agent login: the calls to the LIME API,
 * each event of the stream from its frame to the handlers, each handler run and each
 * passport verification. With Spring Boot's actuator they yield timers; with
 * {@code micrometer-tracing} and a bridge they yield spans, and the calls to LIME carry
 * the trace in their headers.
 * <p>
 * API (public): LimeObservationDocumentation, the observation contexts, their convention
 * interfaces and default conventions, LimeApiOperation and PassportOutcome.
 */
@NullMarked
package io.github.agentprotocols.lime.observation;

import org.jspecify.annotations.NullMarked;
