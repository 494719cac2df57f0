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

package io.github.agentprotocols.happy.test;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Sends {@code update} containers (spec §5.3: random id, per-account seq, body,
 * createdAt) and {@code ephemeral} events to the connected sockets of an account.
 */
final class Broadcasts {

	private final SocketRegistry sockets;

	private final Accounts accounts;

	private final Ids ids;

	private final Clock clock;

	Broadcasts(SocketRegistry sockets, Accounts accounts, Ids ids, Clock clock) {
		this.sockets = sockets;
		this.accounts = accounts;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Send an update. Updates of an account leave in the order of their sequence numbers.
	 * @param accountId the account
	 * @param recipients which of its sockets
	 * @param body the body with its {@code t}
	 * @param sender a socket left out (the sender of a socket {@code message}), or
	 * {@code null}
	 */
	synchronized void update(String accountId, Recipients recipients, Map<String, @Nullable Object> body,
			@Nullable UUID sender) {
		Map<String, @Nullable Object> container = Json.object("id", this.ids.updateId(), "seq",
				this.accounts.nextUpdateSeq(accountId), "body", body, "createdAt", this.clock.millis());
		send(accountId, recipients, "update", container, sender);
	}

	void update(String accountId, Recipients recipients, Map<String, @Nullable Object> body) {
		update(accountId, recipients, body, null);
	}

	void ephemeral(String accountId, Recipients recipients, Map<String, @Nullable Object> payload) {
		send(accountId, recipients, "ephemeral", payload, null);
	}

	/**
	 * Send any event with any payload to every socket of an account.
	 */
	void any(String accountId, String event, @Nullable Object payload) {
		for (SocketConnection connection : this.sockets.ofAccount(accountId)) {
			connection.client().sendEvent(event, new @Nullable Object[] { payload });
		}
	}

	private void send(String accountId, Recipients recipients, String event, Object payload, @Nullable UUID sender) {
		for (SocketConnection connection : this.sockets.ofAccount(accountId)) {
			if (recipients.includes(connection) && !connection.socketId().equals(sender)) {
				connection.client().sendEvent(event, payload);
			}
		}
	}

}
