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

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with the fake's handlers: the request log in front of its
 * authorize handler, the REST API after it handler (which lets other paths through, and
 * whose first-data timer would otherwise close every REST connection five seconds after
 * it opened, keep-alive or not), the inbound packet adjustments in front of its packet
 * handler.
 */
final class SocketChannelInitializer extends SocketIOChannelInitializer {

	private final RestChannelHandler rest;

	private final InboundPackets inbound;

	private final RequestLog requests;

	SocketChannelInitializer(RestChannelHandler rest, InboundPackets inbound, RequestLog requests) {
		this.rest = rest;
		this.inbound = inbound;
		this.requests = requests;
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		pipeline.addBefore(AUTHORIZE_HANDLER, RequestLog.NAME, this.requests);
		pipeline.addAfter(AUTHORIZE_HANDLER, RestChannelHandler.NAME, this.rest);
		pipeline.addBefore(PACKET_HANDLER, InboundPackets.NAME, this.inbound);
	}

}
