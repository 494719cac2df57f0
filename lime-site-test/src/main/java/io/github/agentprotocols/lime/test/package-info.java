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
 * A fake LIME API and an agent-side client, for tests of LIME site backends.
 * <p>
 * API: FakeLimeApi with its Builder, FakeLimeFaults, FakeLimeApiExtension, LimeAgent,
 * Passports, RecordedRequests, Endpoint and the other public types; package-private types
 * (the fake's server state and HTTP handler) are internal.
 */
@NullMarked
package io.github.agentprotocols.lime.test;

import org.jspecify.annotations.NullMarked;
