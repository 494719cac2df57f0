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

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * Decides whether a browser request's {@code Origin} may act for a session's owner: the
 * page's own origin, or one of an explicit allow-list. Requests without an {@code Origin}
 * header (not sent by a browser) pass.
 */
public final class OriginPolicy {

	private final List<String> allowedOrigins;

	/**
	 * Creates a policy.
	 * @param allowedOrigins origins allowed besides the server's own, such as
	 * {@code https://app.example.com}
	 */
	public OriginPolicy(List<String> allowedOrigins) {
		this.allowedOrigins = List.copyOf(allowedOrigins);
	}

	/**
	 * Checks the headers of a request.
	 * @param headers the request headers
	 * @return whether the request's origin is allowed
	 */
	public boolean allows(HttpHeaders headers) {
		String origin = headers.getOrigin();
		if (origin == null || this.allowedOrigins.contains(origin)) {
			return true;
		}
		String host = headers.getFirst(HttpHeaders.HOST);
		try {
			URI uri = URI.create(origin);
			String authority = uri.getRawAuthority();
			return host != null && host.equalsIgnoreCase(authority);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
