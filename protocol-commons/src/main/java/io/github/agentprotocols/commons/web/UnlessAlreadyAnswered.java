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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * An answer that is written unless Reactor Netty has already answered the request itself:
 * it does so, 400, for a request body it cannot decode (a chunk not ended by CR LF) after
 * the request has reached the handler, whose own answer then failed
 * ({@code Status and headers already sent}) and was logged at ERROR as a 500 that never
 * reached the client. Such a request is logged at DEBUG and its answer dropped, without
 * touching the response's status.
 */
public final class UnlessAlreadyAnswered implements ServerResponse {

	private static final Log logger = LogFactory.getLog(UnlessAlreadyAnswered.class);

	private final ServerResponse answer;

	/**
	 * Wraps an answer.
	 * @param answer the answer to write unless the request was answered already
	 */
	public UnlessAlreadyAnswered(ServerResponse answer) {
		this.answer = answer;
	}

	@Override
	public HttpStatusCode statusCode() {
		return this.answer.statusCode();
	}

	@Override
	public HttpHeaders headers() {
		return this.answer.headers();
	}

	@Override
	public MultiValueMap<String, ResponseCookie> cookies() {
		return this.answer.cookies();
	}

	@Override
	public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
		if (ReactorNettyExchange.hasSentHeaders(exchange.getResponse())) {
			logger.debug("Request already answered by the web server, its answer dropped: "
					+ exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
			return Mono.empty();
		}
		return this.answer.writeTo(exchange, context);
	}

}
