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

import java.util.Optional;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Shows the trace of what each demo request just did: the id of the request's trace (the
 * one the starters' observations join) in a log line per request and in the
 * {@value #HEADER} response header. Pages, scripts and the actuator are left out.
 */
@Component
class TraceIdLog implements WebFilter {

	/** The response header naming the request's trace. */
	static final String HEADER = "X-Trace-Id";

	private static final Log logger = LogFactory.getLog(TraceIdLog.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		Optional<String> traceId = traceId(exchange);
		if (traceId.isEmpty() || !isDemoCall(path)) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set(HEADER, traceId.get());
		return chain.filter(exchange)
			.doFinally((signal) -> logger.info(exchange.getRequest().getMethod() + " " + path + " -> "
					+ exchange.getResponse().getStatusCode() + ", trace " + traceId.get()));
	}

	private static boolean isDemoCall(String path) {
		return !path.startsWith("/actuator") && !path.startsWith("/socket.io") && !path.equals("/")
				&& path.lastIndexOf('.') < path.lastIndexOf('/');
	}

	private static Optional<String> traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.map((span) -> span.context().traceId());
	}

}
