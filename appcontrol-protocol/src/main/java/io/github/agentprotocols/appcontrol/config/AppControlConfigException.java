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

package io.github.agentprotocols.appcontrol.config;

import io.github.agentprotocols.appcontrol.AppControlException;

/**
 * An app-control configuration value that is missing, mistyped or out of range. The
 * message is the upstream one; {@link #getKey()} names the TOML key (such as
 * {@code computer_use.timeout_ms}) or environment variable at fault.
 */
public class AppControlConfigException extends AppControlException {

	/** The configuration key at fault. */
	private final String key;

	/**
	 * Create a new exception.
	 * @param key the configuration key at fault, such as {@code helper.transport}
	 * @param message the message
	 */
	public AppControlConfigException(String key, String message) {
		super(message);
		this.key = key;
	}

	/**
	 * The TOML key ({@code section.key}) or environment variable at fault.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

}
