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

package io.github.agentprotocols.happy.actuate;

import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.Session;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code happy} actuator endpoint: the Happy server this application drives, whether
 * its update socket is connected, and the account's active sessions as the server lists
 * them (never their messages or keys). Like Spring Boot's own endpoints it is exposed
 * only when the application says so
 * ({@code management.endpoints.web.exposure.include=happy}) and secured as the
 * application secures its actuator.
 */
@Endpoint(id = "happy")
public class HappyEndpoint {

	private final ReactiveHappyClient client;

	/**
	 * Creates the endpoint.
	 * @param client the client
	 */
	public HappyEndpoint(ReactiveHappyClient client) {
		this.client = client;
	}

	/**
	 * The connection and the active sessions.
	 * @return the server, whether the socket is connected, and the active sessions
	 */
	@ReadOperation
	public Mono<Connection> connection() {
		return this.client.listSessions(true)
			.map((sessions) -> new Connection(this.client.serverUrl(), this.client.isSocketConnected(),
					sessions.stream().map(SessionOutline::of).toList()));
	}

	/**
	 * The connection to the Happy server.
	 *
	 * @param serverUrl the server
	 * @param socketConnected whether the update socket is connected
	 * @param activeSessions the account's active sessions
	 */
	public record Connection(String serverUrl, boolean socketConnected, List<SessionOutline> activeSessions) {
	}

	/**
	 * A session, without its messages, metadata or keys.
	 *
	 * @param id the session id
	 * @param createdAt when it was created
	 * @param activeAt when it was last active
	 */
	public record SessionOutline(String id, Instant createdAt, Instant activeAt) {

		static SessionOutline of(Session session) {
			return new SessionOutline(session.id(), Instant.ofEpochMilli(session.createdAt()),
					Instant.ofEpochMilli(session.activeAt()));
		}

	}

}
