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

package io.github.agentprotocols.commons;

import org.springframework.util.Assert;

/**
 * Describes a protocol starter that is active in the application. Each starter registers
 * one as a bean; the commons auto-configuration uses them to build the
 * {@code agentProtocols} health group and the {@code agentProtocols} info entry.
 *
 * @param name the protocol's short name, also the name of its health contributor (for
 * example {@code hpp} or {@code appControl})
 * @param title the protocol's human-readable title
 * @param propertyPrefix the prefix of the starter's configuration properties (for example
 * {@code app-control})
 */
@Internal
public record AgentProtocol(String name, String title, String propertyPrefix) {

	/**
	 * Create a new {@code AgentProtocol}, checking that name, title and property prefix
	 * are not empty.
	 * @param name the protocol's short name, also the name of its health contributor (for
	 * example {@code hpp} or {@code appControl})
	 * @param title the protocol's human-readable title
	 * @param propertyPrefix the prefix of the starter's configuration properties (for
	 * example {@code app-control})
	 */
	public AgentProtocol {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(title, "'title' must not be empty");
		Assert.hasText(propertyPrefix, "'propertyPrefix' must not be empty");
	}

}
