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

	private void send(String accountId, Recipients recipients, String event, Object payload, @Nullable UUID sender) {
		for (SocketConnection connection : this.sockets.ofAccount(accountId)) {
			if (recipients.includes(connection) && !connection.socketId().equals(sender)) {
				connection.client().sendEvent(event, payload);
			}
		}
	}

}
