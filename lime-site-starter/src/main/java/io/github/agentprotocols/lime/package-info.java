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
 * LIME agent login for site backends: the results of the
 * {@link io.github.agentprotocols.lime.site.LimeSite LimeSite}'s calls and its
 * exceptions, the login events, and the SPIs of the handlers, stores, broadcast and
 * metrics that the packages below implement or call.
 * <p>
 * API: every public type (LimeLoginHandler, LimeException and its subclasses, Passport,
 * the results, the events, LimeEvent, the store and broadcast SPIs, LimeMetrics), except
 * EventObservations, which is internal.
 */
@NullMarked
package io.github.agentprotocols.lime;

import org.jspecify.annotations.NullMarked;
