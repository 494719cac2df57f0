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

package io.github.agentprotocols.hpp.web;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Reactor Netty's own request and response behind WebFlux's, when Reactor Netty is the
 * web server: {@code null} on other servers and in mock exchanges, which have none or
 * refuse to hand theirs out.
 */
final class ReactorNettyExchange {

	private ReactorNettyExchange() {
	}

	static @Nullable HttpServerRequest request(ServerHttpRequest request) {
		try {
			return (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest reactor) ? reactor
					: null;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return null;
		}
	}

	static @Nullable HttpServerResponse response(ServerHttpResponse response) {
		try {
			return (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse reactor)
					? reactor : null;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return null;
		}
	}

}
