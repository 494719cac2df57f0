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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.StorableJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Decides a Socket.IO namespace connect (spec §5.2): builds the {@link HandshakeData}
 * from the request that opened the Engine.IO session and the CONNECT packet's
 * {@code auth} object, asks the {@link AcpAuthenticator}, then the
 * {@link NamespaceConnectCheck} when there is one. Every refusal is an
 * {@link AcpException} whose code the client sees: {@code unauthenticated} for no
 * identity, {@code internal_error} when the authenticator failed (never mistaken for bad
 * credentials), {@code invalid_request} for an identity no store can keep
 * ({@link StorableJson}), or the namespace check's own.
 */
final class SocketConnectAuthenticator {

	private static final Log logger = LogFactory.getLog(SocketConnectAuthenticator.class);

	/** Engine.IO's own query parameters, which are not the application's. */
	private static final Set<String> ENGINE_IO_PARAMETERS = Set.of("EIO", "transport", "sid", "t", "j", "b64");

	/** How long a connect waits for the authenticator before it is refused. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final AcpAuthenticator authenticator;

	private final @Nullable NamespaceConnectCheck namespaceCheck;

	SocketConnectAuthenticator(AcpAuthenticator authenticator, @Nullable NamespaceConnectCheck namespaceCheck) {
		this.authenticator = authenticator;
		this.namespaceCheck = namespaceCheck;
	}

	/**
	 * Whether connects to namespaces that do not exist yet are decided here (namespace
	 * mode) rather than refused by netty-socketio.
	 * @return whether there is a namespace check
	 */
	boolean decidesEveryNamespace() {
		return this.namespaceCheck != null;
	}

	/**
	 * Authenticates a connect.
	 * @param handshake the Engine.IO session's handshake as netty-socketio kept it
	 * @param namespacePath the namespace's path
	 * @param auth the text of the CONNECT packet's {@code auth} object, possibly empty
	 * @return the caller; an {@link AcpException} when the connect is refused
	 */
	Mono<SocketCaller> authenticate(com.corundumstudio.socketio.HandshakeData handshake, String namespacePath,
			String auth) {
		return Mono.defer(() -> this.authenticator.authenticate(handshakeData(handshake, auth)))
			.timeout(TIMEOUT)
			.onErrorMap((ex) -> {
				logger.error("ACP authenticator failed on a Socket.IO connect", ex);
				return new AcpException(AcpErrorCode.INTERNAL_ERROR, "");
			})
			.switchIfEmpty(Mono.error(() -> new AcpException(AcpErrorCode.UNAUTHENTICATED, "")))
			.doOnNext(StorableJson::requireStorable)
			.map((identity) -> new SocketCaller(identity, checkNamespace(namespacePath, identity)));
	}

	private @Nullable TenantScope checkNamespace(String namespacePath, Identity identity) {
		if (this.namespaceCheck == null) {
			return null;
		}
		try {
			return this.namespaceCheck.check(namespacePath, identity);
		}
		catch (AcpException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error("ACP namespace check failed on a Socket.IO connect", ex);
			throw new AcpException(AcpErrorCode.INTERNAL_ERROR, "");
		}
	}

	static HandshakeData handshakeData(com.corundumstudio.socketio.HandshakeData handshake, String auth) {
		Map<String, String> headers = new LinkedHashMap<>();
		handshake.getHttpHeaders()
			.forEach((header) -> headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(),
					(first, next) -> first + ", " + next));
		Map<String, String> query = new LinkedHashMap<>();
		handshake.getUrlParams().forEach((name, values) -> {
			if (!ENGINE_IO_PARAMETERS.contains(name) && !values.isEmpty() && values.get(0) != null) {
				query.put(name, values.get(0));
			}
		});
		return new HandshakeData(headers, authObject(auth), query, HandshakeData.SOCKET_IO);
	}

	/**
	 * The {@code auth} object of a CONNECT packet; anything that is not a JSON object
	 * becomes empty (spec §3.1).
	 */
	private static Map<String, Object> authObject(String auth) {
		if (auth.isBlank()) {
			return Map.of();
		}
		try {
			JsonNode node = AcpJson.parse(auth);
			return node.isObject() ? AcpJson.readObject(node) : Map.of();
		}
		catch (AcpException ex) {
			return Map.of();
		}
	}

	/**
	 * The data of the CONNECT_ERROR packet that refuses a connect (spec §5.2):
	 * {@code {"message": "<code>[: detail]", "data": {"code", "message"}}}.
	 * @param refusal the refusal
	 * @return the data
	 */
	static Map<String, Object> refusal(AcpException refusal) {
		String code = refusal.getCode().code();
		String detail = (refusal.getMessage() != null) ? refusal.getMessage() : "";
		return Map.of("message", detail.isEmpty() ? code : code + ": " + detail, "data",
				Map.of("code", code, "message", detail));
	}

}
