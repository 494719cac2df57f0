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

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Serves the additional Engine.IO paths ({@link SocketIoSettings#additionalPaths()}) by
 * rewriting a request under one of them to the same request under the server's path,
 * which is the only one netty-socketio knows: through the bridge and on the direct port
 * alike.
 */
@ChannelHandler.Sharable
final class PathAliasHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpPathAlias";

	private final String path;

	private final List<String> aliases;

	PathAliasHandler(String path, List<String> aliases) {
		this.path = path;
		this.aliases = aliases;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			String uri = request.uri();
			for (String alias : this.aliases) {
				if (isUnder(uri, alias)) {
					request.setUri(this.path + uri.substring(alias.length()));
					break;
				}
			}
		}
		ctx.fireChannelRead(msg);
	}

	private static boolean isUnder(String uri, String alias) {
		if (!uri.startsWith(alias)) {
			return false;
		}
		if (uri.length() == alias.length()) {
			return true;
		}
		char next = uri.charAt(alias.length());
		return next == '/' || next == '?';
	}

}
