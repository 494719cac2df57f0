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

package io.github.agentprotocols.hpp;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request a hook is called for: the authenticated principal (if any), the headers
 * and, for HTTP requests, the whole exchange.
 *
 * @param principal the authenticated principal, or null
 * @param headers the request headers (for a WebSocket, those of the upgrade request)
 * @param exchange the HTTP exchange, or null when there is none
 */
public record HandshakeRequest(@Nullable Principal principal, HttpHeaders headers,
		@Nullable ServerWebExchange exchange) {

	/**
	 * A request without principal, headers or exchange, for calls outside HTTP.
	 * @return the request
	 */
	public static HandshakeRequest none() {
		return new HandshakeRequest(null, new HttpHeaders(), null);
	}

	/**
	 * The name of the authenticated principal.
	 * @return the name, or null when anonymous
	 */
	public @Nullable String principalName() {
		return (this.principal != null) ? this.principal.getName() : null;
	}

}
