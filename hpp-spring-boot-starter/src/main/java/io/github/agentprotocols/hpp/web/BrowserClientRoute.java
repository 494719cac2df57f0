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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import io.github.agentprotocols.commons.Sha256;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The route of the browser client, {@code hpp-client.js}: an ES module served from the
 * starter's jar, revalidated by its ETag (the digest of its content).
 */
public final class BrowserClientRoute {

	/** The module's media type. */
	public static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	/** The module's location on the class path. */
	public static final String MODULE = "io/github/agentprotocols/hpp/web/hpp-client.js";

	private BrowserClientRoute() {
	}

	/**
	 * Routes {@code GET path} to the module.
	 * @param path the path it is served at, such as {@code /handshake/hpp-client.js}
	 * @return the router function
	 */
	public static RouterFunction<ServerResponse> of(String path) {
		byte[] module = module();
		String eTag = "\"" + HexFormat.of().formatHex(Sha256.digest(module), 0, 16) + "\"";
		return RouterFunctions.route()
			.GET(path,
					(request) -> request.checkNotModified(eTag)
						.switchIfEmpty(ServerResponse.ok()
							.contentType(JAVASCRIPT)
							.cacheControl(CacheControl.noCache())
							.eTag(eTag)
							.bodyValue(module)))
			.build();
	}

	/**
	 * The module's bytes, from the starter's jar.
	 * @return the module
	 */
	public static byte[] module() {
		try (InputStream in = BrowserClientRoute.class.getResourceAsStream("/" + MODULE)) {
			if (in == null) {
				throw new IllegalStateException(MODULE + " is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
