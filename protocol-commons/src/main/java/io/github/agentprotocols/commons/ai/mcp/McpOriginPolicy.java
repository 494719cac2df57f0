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

package io.github.agentprotocols.commons.ai.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The browser pages an MCP endpoint serves, as MCP's Streamable HTTP transport wants
 * ({@code Origin} validated against DNS rebinding): a request without {@code Origin} (not
 * from a browser) passes; one with an {@code Origin} passes when it is the endpoint's own
 * (the scheme, host and port of the request's URI, which reflects forwarded headers when
 * {@code server.forward-headers-strategy} is set) or an allowed one. An {@code Origin}
 * that is not {@code scheme://host[:port]} ({@code null}, a path, several) does not pass.
 * Origins compare with scheme and host in lower case and the default port left out. A
 * page whose name was rebound to the server sends a {@code Host} that agrees with its
 * {@code Origin}, so it passes as the endpoint's own: the token, which such a page cannot
 * know, is what refuses it.
 */
public final class McpOriginPolicy {

	private final Set<String> allowed;

	/**
	 * A policy.
	 * @param property the property that lists the allowed origins, such as
	 * {@code happy.ai.mcp-allowed-origins}, named when one is not an origin
	 * @param allowed the origins allowed besides the endpoint's own, such as
	 * {@code https://app.example.com}
	 * @throws InvalidConfigurationPropertyValueException if one is not
	 * {@code scheme://host[:port]}
	 */
	public McpOriginPolicy(String property, Collection<String> allowed) {
		this.allowed = allowed.stream()
			.map((origin) -> allowed(property, origin))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether the endpoint serves a request.
	 * @param request the request
	 * @return whether it sends no {@code Origin}, its own or an allowed one
	 */
	public boolean allows(ServerHttpRequest request) {
		List<String> origins = request.getHeaders().getOrEmpty(HttpHeaders.ORIGIN);
		if (origins.isEmpty()) {
			return true;
		}
		@Nullable String origin = (origins.size() == 1) ? origin(origins.get(0)) : null;
		return origin != null && (origin.equals(origin(request.getURI())) || this.allowed.contains(origin));
	}

	private static String allowed(String property, String origin) {
		String allowed = origin(origin);
		if (allowed == null) {
			throw new InvalidConfigurationPropertyValueException(property, origin,
					"Not an origin to allow on the MCP endpoint: use scheme://host[:port], such as "
							+ "https://app.example.com");
		}
		return allowed;
	}

	private static @Nullable String origin(String origin) {
		try {
			URI uri = new URI(origin);
			boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
					&& uri.getRawQuery() == null && uri.getRawFragment() == null;
			return bare ? origin(uri) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static @Nullable String origin(URI uri) {
		if (uri.getScheme() == null || uri.getHost() == null) {
			return null;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}
