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
 * The run executor of x64acp (spec §6): assistant registration, the lifecycle of each run
 * with its handler, timeouts, cancellation, chaining, analytics, the heartbeat watchdog
 * and graceful shutdown.
 * <p>
 * API: {@code RunExecutor} with its builder, whose options a
 * {@code RunExecutorBuilderCustomizer} changes, and what the builder takes
 * ({@code AssistantRegistry}, {@code RunSettings}). Other types: internal, not API, may
 * change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.run;

import org.jspecify.annotations.NullMarked;
