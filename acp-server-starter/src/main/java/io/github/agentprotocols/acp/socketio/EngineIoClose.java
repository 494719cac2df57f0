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
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import org.jspecify.annotations.Nullable;

/**
 * Ends the Engine.IO sessions of a server that stops, as the Node.js server's
 * {@code close()} ends them: each is sent a CLOSE packet ({@code 1}) on its current
 * transport, which answers the long-poll it has in flight (the poll's connection then
 * closed as after any answer), or is followed by the end of its WebSocket connection. The
 * client then reconnects, to this server once it is back or to another behind a load
 * balancer. A session with no poll in flight keeps the packet queued for its next poll,
 * answered if it arrives before the server stops.
 * <p>
 * A WebSocket ends without a close frame, as netty-socketio ends a session (and the
 * {@link SocketIoBridge} then ends the client's the same way): the Java client
 * ({@code io.socket:socket.io-client} 2.x, on OkHttp) neither answers a close frame nor
 * reads past it, so after one it noticed the end only at its ping timeout, 85 s later;
 * the end of the connection every client notices at once.
 * <p>
 * Without it, the server's event loops closed every connection as they shut down: a
 * long-poll forwarded by the bridge lost its connection before its answer and was
 * answered 502, logged at WARN.
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
	 * Sends a session its CLOSE packet, then closes its WebSocket.
	 * @return the last write, or {@code null} when it has no connection open
	 */
	private static @Nullable ChannelFuture close(ClientHead session) {
		Transport transport = session.getCurrentTransport();
		ChannelFuture sent = session.send(new Packet(PacketType.CLOSE, session.getEngineIOVersion()), transport);
		if (sent == null || transport != Transport.WEBSOCKET) {
			return sent;
		}
		// written once the frames before it are: a close at once could drop them unsent
		return sent.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
	}

}
