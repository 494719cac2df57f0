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
 * The Happy tools over MCP, with Spring AI's MCP server: progress notifications for
 * {@link io.github.agentprotocols.happy.ai.HappyTool}s, and the MCP token on the MCP
 * endpoint.
 * <p>
 * Internal: not API, may change in any release.
 */
@Internal
@NullMarked
package io.github.agentprotocols.happy.ai.mcp;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.NullMarked;
