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

package io.github.agentprotocols.acp.socketio;

import java.util.List;

/**
 * What a request served in place on the application's port is to the Socket.IO server,
 * read from its method and target.
 */
enum InPlaceRequest {

	/**
	 * The opening of an Engine.IO WebSocket: a {@code GET} with
	 * {@code transport=websocket}.
	 */
	WEBSOCKET,

	/**
	 * An Engine.IO long-polling request: a {@code GET}, {@code POST} or {@code OPTIONS}
	 * with {@code transport=polling}.
	 */
	POLLING,

	/** Anything else: the web server's. */
	OTHER;

	/**
	 * What a request is.
	 * @param method the request's method
	 * @param target the request's target, its path and query
	 * @param paths the Engine.IO paths, such as {@code /socket.io}
	 * @return the request's kind
	 */
	static InPlaceRequest of(String method, String target, List<String> paths) {
		int query = target.indexOf('?');
		if (query < 0 || !isEngineIoPath(target.substring(0, query), paths)) {
			return OTHER;
		}
		String parameters = "&" + target.substring(query + 1) + "&";
		if (method.equals("GET") && parameters.contains("&transport=websocket&")) {
			return WEBSOCKET;
		}
		if ((method.equals("GET") || method.equals("POST") || method.equals("OPTIONS"))
				&& parameters.contains("&transport=polling&")) {
			return POLLING;
		}
		return OTHER;
	}

	private static boolean isEngineIoPath(String path, List<String> paths) {
		for (String served : paths) {
			if (path.equals(served) || path.startsWith(served + "/")) {
				return true;
			}
		}
		return false;
	}

}
