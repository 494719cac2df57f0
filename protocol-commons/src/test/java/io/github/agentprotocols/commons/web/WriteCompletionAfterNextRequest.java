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

package io.github.agentprotocols.commons.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the completion of the write of a response marked with {@value #HEADER} until
 * the client's next request has been read, then completes it in an event-loop task of its
 * own. Placed between the HTTP codec and Reactor Netty's traffic handler.
 * <p>
 * The response goes on the wire at once; only the notification that it was written, which
 * ends the request's operations, comes late. That is what happens by chance when a
 * response is written from a thread other than the event loop and the write finishes
 * before the completion listener is attached: the listener then runs in a later
 * event-loop task, and a client that answers quickly has its next request read first.
 * This handler makes that order certain.
 */
class WriteCompletionAfterNextRequest extends ChannelDuplexHandler {

	/** Response header that marks the response whose write completes late. */
	static final String HEADER = "X-Complete-After-Next-Request";

	private @Nullable ChannelPromise held;

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof HttpResponse response && response.headers().contains(HEADER)) {
			response.headers().remove(HEADER);
			this.held = promise;
			ctx.write(msg, ctx.newPromise());
			return;
		}
		ctx.write(msg, promise);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		boolean endOfRequest = msg instanceof LastHttpContent;
		ctx.fireChannelRead(msg);
		if (endOfRequest) {
			completeHeld(ctx);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		completeHeld(ctx);
		ctx.fireChannelInactive();
	}

	private void completeHeld(ChannelHandlerContext ctx) {
		ChannelPromise promise = this.held;
		if (promise != null) {
			this.held = null;
			ctx.executor().execute(promise::trySuccess);
		}
	}

}
