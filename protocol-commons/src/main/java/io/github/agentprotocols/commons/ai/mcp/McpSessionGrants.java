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

package io.github.agentprotocols.commons.ai.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The modules whose tools each MCP session may call: those whose token started it (or
 * first named it). The most recently used sessions are kept, up to a limit; a session
 * forgotten is granted again by its next request.
 */
public final class McpSessionGrants {

	/** The number of sessions kept at once. */
	public static final int MAX_SESSIONS = 10_000;

	private final Map<String, Set<String>> modules = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
			return size() > MAX_SESSIONS;
		}

	};

	/**
	 * Grants a session the tools of the modules whose token its request sent, unless it
	 * was granted other modules' tools.
	 * @param session the MCP session's id
	 * @param modules the modules
	 * @return whether the session is granted these modules' tools
	 */
	public synchronized boolean grant(String session, Set<String> modules) {
		Set<String> granted = this.modules.putIfAbsent(session, modules);
		return granted == null || granted.equals(modules);
	}

	/**
	 * Whether a session may call a module's tools.
	 * @param session the MCP session's id
	 * @param module the module
	 * @return whether it may
	 */
	public synchronized boolean permits(String session, String module) {
		Set<String> granted = this.modules.get(session);
		return granted != null && granted.contains(module);
	}

}
