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

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * How the Socket.IO transport is served.
 *
 * @param path the Engine.IO path, such as {@code /socket.io}
 * @param additionalPaths further Engine.IO paths served as aliases of {@code path}
 * @param port the port on which the server is also reachable directly, on
 * {@code address}, or {@code null} for the bridge only (the server then listens on an
 * ephemeral loopback port)
 * @param address the address the direct port binds to: the loopback address unless other
 * hosts should reach it
 * @param allowedOrigins the origins allowed to connect
 * @param replayCap the most events a {@code thread:join} replays
 * @param maxPayloadBytes the largest long-polling body or WebSocket frame accepted
 * @param connectTimeout how long an Engine.IO session may stay without a namespace
 * connect before it is closed
 * @param maxPendingConnections how many Engine.IO sessions may be without a namespace
 * connect at once; handshakes beyond are refused
 */
public record SocketIoSettings(String path, List<String> additionalPaths, @Nullable Integer port, InetAddress address,
		AllowedOrigins allowedOrigins, int replayCap, int maxPayloadBytes, Duration connectTimeout,
		int maxPendingConnections) {

	/**
	 * Create a new {@code SocketIoSettings}, checking that the paths are valid and
	 * distinct.
	 * @param path the Engine.IO path, such as {@code /socket.io}
	 * @param additionalPaths further Engine.IO paths served as aliases of {@code path}
	 * @param port the port on which the server is also reachable directly, on
	 * {@code address}, or {@code null} for the bridge only (the server then listens on an
	 * ephemeral loopback port)
	 * @param address the address the direct port binds to: the loopback address unless
	 * other hosts should reach it
	 * @param allowedOrigins the origins allowed to connect
	 * @param replayCap the most events a {@code thread:join} replays
	 * @param maxPayloadBytes the largest long-polling body or WebSocket frame accepted
	 * @param connectTimeout how long an Engine.IO session may stay without a namespace
	 * connect before it is closed
	 * @param maxPendingConnections how many Engine.IO sessions may be without a namespace
	 * connect at once; handshakes beyond are refused
	 */
	public SocketIoSettings {
		checkPath(path);
		additionalPaths.forEach(SocketIoSettings::checkPath);
		if (additionalPaths.contains(path) || additionalPaths.stream().distinct().count() < additionalPaths.size()) {
			throw new IllegalArgumentException(
					"the Socket.IO paths must be distinct: " + path + ", then " + additionalPaths);
		}
		additionalPaths = List.copyOf(additionalPaths);
		if (replayCap < 1) {
			throw new IllegalArgumentException("the replay cap must be positive: " + replayCap);
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("the connect timeout must be positive: " + connectTimeout);
		}
		if (maxPendingConnections < 1) {
			throw new IllegalArgumentException(
					"the most pending connections must be positive: " + maxPendingConnections);
		}
	}

	private static void checkPath(String path) {
		if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
			throw new IllegalArgumentException("a Socket.IO path must start with '/' and not end with it: " + path);
		}
	}

	/**
	 * The address the bridge reaches the server on: the bound one, or loopback when the
	 * server listens on the loopback address or on every address.
	 * @return the address
	 */
	public InetAddress bridgeAddress() {
		return (this.port == null || this.address.isAnyLocalAddress()) ? InetAddress.getLoopbackAddress()
				: this.address;
	}

	/**
	 * Every Engine.IO path served.
	 * @return {@code path}, then the additional paths
	 */
	public List<String> paths() {
		return Stream.concat(Stream.of(this.path), this.additionalPaths.stream()).toList();
	}

}
