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

package io.github.agentprotocols.happy.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in front of netty-socketio's packet handler. It gives a CONNECT without
 * {@code auth} object an empty one, since netty-socketio asks its auth listener only when
 * there is one and the server refuses such a connect with {@code Missing authentication
 * token}; and it remembers the channel each Engine.IO session last used, so that a socket
 * can be dropped at the transport level, as a network failure would, rather than
 * disconnected by the server (which a client does not reconnect after).
 */
@ChannelHandler.Sharable
final class InboundPackets extends ChannelInboundHandlerAdapter {

	static final String NAME = "happyInboundPackets";

	private static final char SEPARATOR = 0x1e;

	private static final String BARE_CONNECT = "40";

	private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof PacketsMessage message)) {
			ctx.fireChannelRead(msg);
			return;
		}
		this.channels.put(message.getClient().getSessionId(), ctx.channel());
		ByteBuf content = message.getContent();
		String text = content.toString(StandardCharsets.UTF_8);
		String filled = fill(text);
		if (filled.equals(text)) {
			ctx.fireChannelRead(msg);
			return;
		}
		ByteBuf replaced = ctx.alloc().heapBuffer();
		replaced.writeCharSequence(filled, StandardCharsets.UTF_8);
		try {
			ctx.fireChannelRead(new PacketsMessage(message.getClient(), replaced, message.getTransport()));
		}
		finally {
			replaced.release();
		}
	}

	/**
	 * Close a socket's transport connection without a Socket.IO disconnect.
	 * @param socketId the Engine.IO session id
	 */
	void drop(UUID socketId) {
		Channel channel = this.channels.remove(socketId);
		if (channel != null) {
			channel.close();
		}
	}

	void forget(UUID socketId) {
		this.channels.remove(socketId);
	}

	private static String fill(String payload) {
		String[] packets = payload.split(String.valueOf(SEPARATOR), -1);
		boolean changed = false;
		for (int i = 0; i < packets.length; i++) {
			if (packets[i].equals(BARE_CONNECT)) {
				packets[i] = BARE_CONNECT + "{}";
				changed = true;
			}
		}
		return changed ? String.join(String.valueOf(SEPARATOR), packets) : payload;
	}

}
