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
