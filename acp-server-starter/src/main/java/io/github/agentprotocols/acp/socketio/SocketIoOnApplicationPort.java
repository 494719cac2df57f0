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

import io.github.agentprotocols.commons.Internal;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Serves Socket.IO connections on the application's port inside the web server's own
 * pipeline (Reactor Netty, HTTP/1.1): a connection whose first request is to an Engine.IO
 * path (a WebSocket opening or a long-polling request) is handed to the
 * {@link AcpSocketIoServer}'s pipeline ({@link SocketIoConnectionSwitch}), one connection
 * and one descriptor per client, whatever the transport, TLS included. The Socket.IO
 * server's own checks apply there (origin, paths, transports, authentication at the
 * namespace connect); the application's {@code WebFilter}s, Spring Security's among them,
 * see none of its requests. Other connections, and Socket.IO requests on a connection
 * that served another request first, go through the web server and its
 * {@link SocketIoBridge}.
 */
@Internal
public class SocketIoOnApplicationPort implements NettyServerCustomizer {

	private final AcpSocketIoServer server;

	/**
	 * Hands connections to the given server.
	 * @param server the Socket.IO server
	 */
	public SocketIoOnApplicationPort(AcpSocketIoServer server) {
		this.server = server;
	}

	@Override
	public HttpServer apply(HttpServer httpServer) {
		List<String> paths = this.server.settings().paths();
		return httpServer.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addBefore(NettyPipeline.HttpCodec, SocketIoConnectionSwitch.NAME,
							new SocketIoConnectionSwitch(paths, this.server::pipeline));
			}
		});
	}

}
