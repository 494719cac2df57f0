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
 * Micrometer observations of app-control: the requests the local service host answers,
 * the commands it runs, the requests the service host clients send and the desktop helper
 * round trips.
 * <p>
 * API:
 * {@link io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation}
 * (names and keys), the observation contexts, and the conventions with their
 * {@code Default…} implementations, which a convention bean of the application replaces.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.observation;

import org.jspecify.annotations.NullMarked;
