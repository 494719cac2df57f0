package io.github.agentprotocols.acp.socketio;

import org.jspecify.annotations.Nullable;

/**
 * How the Socket.IO transport is served.
 *
 * @param path the Engine.IO path, such as {@code /socket.io}
 * @param port the port on which the server is also reachable directly, on every
 * interface, or {@code null} for the bridge only (the server then listens on an ephemeral
 * loopback port)
 * @param allowedOrigins the origins allowed to connect
 * @param replayCap the most events a {@code thread:join} replays
 * @param maxPayloadBytes the largest long-polling body or WebSocket frame accepted
 */
public record SocketIoSettings(String path, @Nullable Integer port, AllowedOrigins allowedOrigins, int replayCap,
		int maxPayloadBytes) {

	public SocketIoSettings {
		if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
			throw new IllegalArgumentException("the Socket.IO path must start with '/' and not end with it: " + path);
		}
		if (replayCap < 1) {
			throw new IllegalArgumentException("the replay cap must be positive: " + replayCap);
		}
	}

}
