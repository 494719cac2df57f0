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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.jspecify.annotations.Nullable;

/**
 * Ends the Engine.IO sessions of a server that stops, as the Node.js server's
 * {@code close()} ends them: each is sent a CLOSE packet ({@code 1}) on its current
 * transport, which answers the long-poll it has in flight (the poll's connection then
 * closed as after any answer), or is followed on its WebSocket by a close frame (1000)
 * and the connection's end. The client then reconnects, to this server once it is back or
 * to another behind a load balancer. A session with no poll in flight keeps the packet
 * queued for its next poll, answered if it arrives before the server stops.
 * <p>
 * Without it, the server's event loops closed every connection as they shut down: a
 * long-poll forwarded by the {@link SocketIoBridge} lost its connection before its answer
 * and was answered 502, logged at WARN, and a bridged WebSocket ended without a close
 * frame.
 */
final class EngineIoClose {

	private EngineIoClose() {
	}

	/**
	 * Sends each session its CLOSE packet and waits until they are written, or the
	 * timeout has passed: a peer that does not read cannot hold the shutdown.
	 * @param sessions the server's sessions
	 * @param timeout how long to wait for the writes, at most
	 */
	static void closeAll(Collection<ClientHead> sessions, Duration timeout) {
		List<ChannelFuture> writes = new ArrayList<>();
		for (ClientHead session : sessions) {
			ChannelFuture written = close(session);
			if (written != null) {
				writes.add(written);
			}
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ChannelFuture written : writes) {
			written.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Sends a session its CLOSE packet.
	 * @return the write of its last frame, or {@code null} when it has no connection open
	 */
	private static @Nullable ChannelFuture close(ClientHead session) {
		Transport transport = session.getCurrentTransport();
		ChannelFuture sent = session.send(new Packet(PacketType.CLOSE, session.getEngineIOVersion()), transport);
		if (sent == null || transport != Transport.WEBSOCKET) {
			return sent;
		}
		return sent.channel()
			.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
			.addListener(ChannelFutureListener.CLOSE);
	}

}
