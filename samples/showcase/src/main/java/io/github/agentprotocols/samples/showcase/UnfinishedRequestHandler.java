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

package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The failures of a request the client never finished, for every controller and page of
 * the showcase, ahead of Spring Boot's error handler, which would leave both to Spring's
 * last resort, an ERROR {@code 500 Server Error}: a request Reactor Netty has answered
 * itself (400, for a chunked body it cannot decode) has the answer that then fails
 * ({@code Status and headers already sent}) dropped, and a body the client cut short by
 * closing its side of the connection is answered 400 in Spring Boot's error shape, as the
 * pages answer any other body they cannot read. Both are the peer's doing, logged at
 * DEBUG.
 */
@Component
@Order(-2) // before Spring Boot's ErrorWebExceptionHandler, at -1
class UnfinishedRequestHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(UnfinishedRequestHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpRequest request = exchange.getRequest();
		if (ReactorNettyExchange.hasSentHeaders(exchange.getResponse())) {
			logger.debug(describe(request) + " answered by the web server already, its own answer dropped: " + ex);
			return Mono.empty();
		}
		if (!exchange.getResponse().isCommitted() && DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			logger.debug(describe(request) + " abandoned by the client before its body arrived, answered 400: " + ex);
			// without the cause, which Spring Boot's handler would take for a client gone
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The request's body ended before its announced length"));
		}
		return Mono.error(ex);
	}

	private static String describe(ServerHttpRequest request) {
		return request.getMethod() + " " + request.getPath().value();
	}

}
