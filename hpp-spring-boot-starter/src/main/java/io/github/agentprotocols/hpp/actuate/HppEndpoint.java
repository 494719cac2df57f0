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

package io.github.agentprotocols.hpp.actuate;

import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.SessionStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code hpp} actuator endpoint: how many handshake sessions live, one session's
 * outline (never its token or values), and ending a session as an operator. Like Spring
 * Boot's own endpoints it is exposed only when the application says so
 * ({@code management.endpoints.web.exposure.include=hpp}) and secured as the application
 * secures its actuator.
 */
@Endpoint(id = "hpp")
public class HppEndpoint {

	private final HandshakeManager manager;

	private final SessionStore store;

	private final String storeType;

	/**
	 * Creates the endpoint.
	 * @param manager the handshake manager
	 * @param store the session store
	 * @param storeType the store's type, as {@code hpp.store.type} names it
	 */
	public HppEndpoint(HandshakeManager manager, SessionStore store, String storeType) {
		this.manager = manager;
		this.store = store;
		this.storeType = storeType;
	}

	/**
	 * The sessions, counted.
	 * @return the store's type and its number of sessions (expired ones not yet swept
	 * included)
	 */
	@ReadOperation
	public Mono<Sessions> sessions() {
		return this.store.count().map((count) -> new Sessions(this.storeType, count));
	}

	/**
	 * One live session's outline.
	 * @param sessionId the session id
	 * @return the outline, or nothing (404) when there is no such live session
	 */
	@ReadOperation
	public Mono<SessionOutline> session(@Selector String sessionId) {
		return this.manager.session(sessionId).map(SessionOutline::of);
	}

	/**
	 * Ends a session: it is removed and its connections are told {@code session closed},
	 * as when its browser closes it.
	 * @param sessionId the session id
	 * @return whether there was such a session
	 */
	@DeleteOperation
	public Mono<Ended> end(@Selector String sessionId) {
		return this.manager.end(sessionId).map(Ended::new);
	}

	/**
	 * The sessions of the store.
	 *
	 * @param store the store's type
	 * @param count its sessions
	 */
	public record Sessions(String store, long count) {
	}

	/**
	 * A session, without its token or values.
	 *
	 * @param id the session id
	 * @param mode the session's mode
	 * @param owner the owner bound at creation, if any
	 * @param createdAt when it was created
	 * @param expiresAt when it expires unless used or extended
	 * @param fields the number of fields with a value
	 * @param missing the required fields still without one
	 */
	public record SessionOutline(String id, String mode, @Nullable String owner, Instant createdAt, Instant expiresAt,
			int fields, List<String> missing) {

		static SessionOutline of(HandshakeSession session) {
			return new SessionOutline(session.getId(), session.getModeText(), session.getOwner(),
					session.getCreatedAt(), session.getDeadline(), session.getFields().size(), session.missing());
		}

	}

	/**
	 * The outcome of ending a session.
	 *
	 * @param ended whether there was such a session to end
	 */
	public record Ended(boolean ended) {
	}

}
