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

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Ends the handling of a request with a chunked body when its connection closes before
 * the response has begun to be written. Reactor Netty answers a request whose chunk it
 * cannot decode (a chunk not ended by CR LF, a size that is not hexadecimal) 400 itself
 * and closes the connection, even when the request has reached its handler already; a
 * response that Spring had not begun to write then (an event stream whose first event has
 * not come, an answer still awaited) is never cancelled, so an event stream stays
 * subscribed, and keeps whatever it holds, for as long as the application runs. Here such
 * a handling ends as when a client leaves (logged at DEBUG). A response being written is
 * left to Reactor Netty, which ends it when its client leaves. Requests that come through
 * another server, or without a chunked body, pass as they are.
 */
public final class ClosedConnectionWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(ClosedConnectionWebFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<Void> handling = chain.filter(exchange);
		if (!isChunked(exchange.getRequest().getHeaders())) {
			return handling;
		}
		Mono<Void> closed = ReactorNettyExchange.connectionClosed(exchange.getRequest());
		if (closed == null) {
			return handling;
		}
		return Mono.firstWithSignal(handling, closed.then(Mono.defer(() -> unlessWriting(exchange))));
	}

	/**
	 * Completes, ending the handling, when the response has not begun to be written;
	 * cancelling a response being written from here too would have Spring and Reactor
	 * Netty release its buffers twice.
	 */
	private static Mono<Void> unlessWriting(ServerWebExchange exchange) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.never();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Connection closed before the response was written, the request's handling ended: "
					+ exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
		}
		return Mono.empty();
	}

	private static boolean isChunked(HttpHeaders headers) {
		return headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING)
			.stream()
			.anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
