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

package io.github.agentprotocols.acp;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link AcpAuthenticator} sees of a request (spec §3.1): its headers, the
 * Socket.IO {@code auth} object, its query parameters and the transport. The SDK never
 * inspects credentials; the authenticator reads them from here.
 *
 * @param headers the request headers, names lower-cased, repeated headers joined with
 * {@code ", "}
 * @param auth the {@code auth} object of a Socket.IO CONNECT packet, empty on REST
 * @param query the query parameters, the first value of each name
 * @param transport {@value #REST} or {@value #SOCKET_IO}
 */
public record HandshakeData(Map<String, String> headers, Map<String, Object> auth, Map<String, String> query,
		String transport) {

	/** The transport of a REST request. */
	public static final String REST = "rest";

	/** The transport of a Socket.IO connection. */
	public static final String SOCKET_IO = "socketio";

	/**
	 * Create a new {@code HandshakeData}, keeping copies of the headers, auth and query.
	 * @param headers the request headers, names lower-cased, repeated headers joined with
	 * {@code ", "}
	 * @param auth the {@code auth} object of a Socket.IO CONNECT packet, empty on REST
	 * @param query the query parameters, the first value of each name
	 * @param transport {@value #REST} or {@value #SOCKET_IO}
	 */
	public HandshakeData {
		headers = Map.copyOf(headers);
		auth = JsonValues.object(auth);
		query = Map.copyOf(query);
	}

	/**
	 * A header's value.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request has no such header
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
