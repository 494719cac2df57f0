package io.github.agentprotocols.acp.socketio;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The origins allowed to open Socket.IO connections (spec §5.1), checked on every request
 * of both transports. A request without {@code Origin} is not a browser's cross-origin
 * request and is allowed.
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
	 * @param origins origins such as {@code https://app.example.com}, or {@code *} for
	 * every origin
	 * @return the allow-list
	 */
	public static AllowedOrigins of(List<String> origins) {
		return new AllowedOrigins(origins.contains(ANY),
				origins.stream().map(AllowedOrigins::normalize).collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Tells whether a request may proceed.
	 * @param origin the request's {@code Origin} header, or {@code null}
	 * @return whether the origin is allowed
	 */
	public boolean isAllowed(@Nullable String origin) {
		return origin == null || this.any || this.origins.contains(normalize(origin));
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim();
		return (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).toLowerCase(Locale.ROOT);
	}

}
