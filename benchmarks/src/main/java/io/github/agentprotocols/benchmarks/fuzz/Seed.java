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

package io.github.agentprotocols.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A valid request of a protocol, the starting point of its mutations: an HTTP request, a
 * WebSocket upgrade followed by text frames, or an Engine.IO long-polling request sent
 * with the {@code sid} of a fresh handshake (written {@value #SID} in the path).
 *
 * @param kind how the request is sent
 * @param method the HTTP method
 * @param path the path and query
 * @param headers the headers besides {@code Host}, {@code Connection} and
 * {@code Content-Length}, as name-value pairs
 * @param body the body, empty for none
 * @param frames the text frames sent after a WebSocket upgrade
 */
public record Seed(Kind kind, String method, String path, List<Header> headers, String body, List<String> frames) {

	/** Where a polling seed's path takes the handshake's session id. */
	public static final String SID = "{sid}";

	/**
	 * An HTTP request.
	 * @param method the method
	 * @param path the path and query
	 * @param body the body, empty for none
	 * @param headers the headers
	 * @return the seed
	 */
	public static Seed http(String method, String path, String body, Header... headers) {
		return new Seed(Kind.HTTP, method, path, List.of(headers), body, List.of());
	}

	/**
	 * A WebSocket upgrade, then frames.
	 * @param path the path and query
	 * @param frames the text frames
	 * @param headers the upgrade's extra headers
	 * @return the seed
	 */
	public static Seed webSocket(String path, List<String> frames, Header... headers) {
		return new Seed(Kind.WEBSOCKET, "GET", path, List.of(headers), "", frames);
	}

	/**
	 * An Engine.IO long-polling request after a fresh handshake.
	 * @param method the method
	 * @param path the path and query, with {@value #SID} where the session id goes
	 * @param body the body
	 * @param headers the headers
	 * @return the seed
	 */
	public static Seed polling(String method, String path, String body, Header... headers) {
		return new Seed(Kind.POLLING, method, path, List.of(headers), body, List.of());
	}

	/**
	 * The body's bytes.
	 * @return UTF-8 bytes
	 */
	public byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * How a seed is sent.
	 */
	public enum Kind {

		/** One HTTP request. */
		HTTP,

		/** A WebSocket upgrade, frames, then a ping. */
		WEBSOCKET,

		/** An Engine.IO polling handshake, then the request with its session id. */
		POLLING

	}

	/**
	 * A request header.
	 *
	 * @param name the name
	 * @param value the value
	 */
	public record Header(String name, String value) {

	}

}
