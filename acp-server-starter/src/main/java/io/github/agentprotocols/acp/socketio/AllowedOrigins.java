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

package io.github.agentprotocols.acp.socketio;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The origins allowed to open Socket.IO connections (spec §5.1, with the default changed:
 * see below), checked on every request of both transports. A request without
 * {@code Origin} is not a browser's cross-origin request and is allowed; a page of the
 * application's own origin (the {@code Origin}'s host and port are the request's
 * {@code Host}) is always allowed. Other origins are allowed only when listed, or by
 * {@code *}, which allows every origin but never with credentials: answers to an origin
 * that only the wildcard allows say {@code Access-Control-Allow-Origin: *} and not
 * {@code Access-Control-Allow-Credentials}. The reference allows every origin by default
 * and reflects it with credentials, which lets any website act with a visitor's cookies;
 * here an empty list, the default, allows the application's own origin only.
 */
public final class AllowedOrigins {

	private static final String ANY = "*";

	private final boolean any;

	private final Set<String> origins;

	private AllowedOrigins(boolean any, Set<String> origins) {
		this.any = any;
		this.origins = origins;
	}

	/**
	 * Creates the allow-list.
	 * @param origins origins besides the application's own, such as
	 * {@code https://app.example.com}, or {@code *} for every origin (without
	 * credentials)
	 * @return the allow-list
	 */
	public static AllowedOrigins of(List<String> origins) {
		return new AllowedOrigins(origins.contains(ANY),
				origins.stream().map(AllowedOrigins::normalize).collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Tells whether a request may proceed.
	 * @param origin the request's {@code Origin} header, or {@code null}
	 * @param host the request's {@code Host} header, or {@code null}
	 * @return whether the origin is allowed
	 */
	public boolean isAllowed(@Nullable String origin, @Nullable String host) {
		return this.any || isTrusted(origin, host);
	}

	/**
	 * Tells whether answers to a request may let its page send credentials: the request
	 * has no {@code Origin}, or one that is the application's own or listed, not only
	 * allowed by {@code *}.
	 * @param origin the request's {@code Origin} header, or {@code null}
	 * @param host the request's {@code Host} header, or {@code null}
	 * @return whether credentials may be allowed
	 */
	public boolean isTrusted(@Nullable String origin, @Nullable String host) {
		return origin == null || isHost(origin, host) || this.origins.contains(normalize(origin))
				|| isSameOrigin(origin, host);
	}

	/**
	 * Whether the origin is a scheme followed by the {@code Host} header as it is, as a
	 * page of the application's own origin sends it.
	 */
	private static boolean isHost(String origin, @Nullable String host) {
		int start = origin.indexOf("://") + 3;
		if (host == null || start < 4 || origin.length() - start != host.length() || host.isEmpty()
				|| !origin.regionMatches(true, start, host, 0, host.length())) {
			return false;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (!Character.isLetterOrDigit(c) && ".-:[]".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSameOrigin(String origin, @Nullable String host) {
		if (host == null) {
			return false;
		}
		try {
			URI uri = URI.create(origin.trim());
			String scheme = uri.getScheme();
			String originHost = uri.getHost();
			if (scheme == null || originHost == null) {
				return false;
			}
			int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
			int originPort = (uri.getPort() != -1) ? uri.getPort() : defaultPort;
			URI requested = URI.create(scheme + "://" + host.trim());
			int requestedPort = (requested.getPort() != -1) ? requested.getPort() : defaultPort;
			return originHost.equalsIgnoreCase(requested.getHost()) && originPort == requestedPort;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim();
		return (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).toLowerCase(Locale.ROOT);
	}

}
