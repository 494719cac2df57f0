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

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The protocol's HTTP routes under a prefix.
 */
public final class HandshakeRoutes {

	private HandshakeRoutes() {
	}

	/**
	 * Routes every HTTP endpoint of the protocol.
	 * @param prefix the route prefix, such as {@code /handshake}
	 * @param handlers the handlers
	 * @return the router function
	 */
	public static RouterFunction<ServerResponse> of(String prefix, HandshakeHandlers handlers) {
		return RouterFunctions.route()
			.POST(prefix + "/session", handlers::createSession)
			.GET(prefix + "/context/{sid}", handlers::context)
			.POST(prefix + "/action/{sid}", handlers::action)
			.POST(prefix + "/notify/{sid}", handlers::notify)
			.GET(prefix + "/diff/{sid}", handlers::diff)
			.POST(prefix + "/session/{sid}/extend", handlers::extend)
			.DELETE(prefix + "/session/{sid}", handlers::close)
			.build();
	}

}
