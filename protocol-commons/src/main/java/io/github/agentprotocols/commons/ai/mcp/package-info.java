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
 * What the Spring AI integrations share on Spring AI's MCP server: the tools' own call
 * handlers, the MCP endpoint's one bearer-token filter over each module's guard, and the
 * {@code Origin} check of a module whose tools need no bearer token. Loaded only with the
 * MCP SDK (and, for the filter, Spring WebFlux) on the class path.
 * <p>
 * Internal: not API, may change in any release.
 */
@Internal
@NullMarked
package io.github.agentprotocols.commons.ai.mcp;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.NullMarked;
