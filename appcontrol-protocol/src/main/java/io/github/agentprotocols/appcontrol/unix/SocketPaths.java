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

package io.github.agentprotocols.appcontrol.unix;

import java.nio.file.Path;

/**
 * Socket paths as the Python peers read them: a leading {@code ~} or {@code ~/} is the
 * user's home directory (Python's {@code Path.expanduser()}).
 */
public final class SocketPaths {

	private SocketPaths() {
	}

	/**
	 * The path named by a configuration value.
	 * @param value the value, such as {@code ~/Library/app-control/helper.sock}
	 * @return the path, with {@code ~} expanded
	 */
	public static Path of(String value) {
		if (value.equals("~") || value.startsWith("~/")) {
			return Path.of(System.getProperty("user.home") + value.substring(1));
		}
		return Path.of(value);
	}

}
