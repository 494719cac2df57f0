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
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.handler.ClientHead;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The Engine.IO sessions that have not passed a namespace connect: a socket is only
 * authenticated by its namespace CONNECT (spec §5.2), so until then it is pending (a
 * refused connect leaves it pending). A session is pending from its handshake until its
 * first namespace connect is accepted or it ends. A session still pending once the
 * connect timeout has passed since its handshake is closed, as the Node.js server's
 * {@code connectTimeout} closes it; and while as many sessions are pending as allowed,
 * new handshakes are refused, so that clients which never authenticate cannot pile up.
 * Refusals are logged at WARN, at most one line every {@value #REFUSALS_REPORT_SECONDS}
 * seconds, with how many there were.
 * <p>
 * Only what is pending now counts: an earlier count of every handshake admitted since a
 * periodic sweep refused clients that connected one after the other, each pending for a
 * few milliseconds, once more handshakes than the limit arrived within a second.
 */
final class PendingSessions {

	/** The least time between two reports of refused handshakes. */
	static final int REFUSALS_REPORT_SECONDS = 10;

	private static final Log logger = LogFactory.getLog(PendingSessions.class);

	private final Duration connectTimeout;

	private final int max;

	/**
	 * Handshakes admitted whose session, if they open one, is not in {@link #pending}
	 * yet.
	 */
	private final AtomicInteger admitting = new AtomicInteger();

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private final AtomicInteger refused = new AtomicInteger();

	private volatile Instant nextRefusalsReport = Instant.MIN;

	/**
	 * Creates the count.
	 * @param connectTimeout how long a session may stay pending
	 * @param max how many sessions may be pending at once
	 */
	PendingSessions(Duration connectTimeout, int max) {
		this.connectTimeout = connectTimeout;
		this.max = max;
	}

	/**
	 * Admits a handshake unless as many sessions are pending as allowed. An admitted
	 * handshake is followed by {@link #served}.
	 * @return whether the handshake may open a session
	 */
	boolean tryAdmit() {
		if (this.admitting.incrementAndGet() + this.pending.size() > this.max) {
			this.admitting.decrementAndGet();
			this.refused.incrementAndGet();
			return false;
		}
		return true;
	}

	/**
	 * Ends the admission of a handshake once it is served: the session it opened counts
	 * as pending unless it has connected or ended meanwhile.
	 * @param session the session the handshake opened, or {@code null}
	 */
	void served(@Nullable ClientHead session) {
		try {
			if (session != null) {
				UUID id = session.getSessionId();
				this.pending.add(id);
				// a connect accepted or an end between the handshake and the add
				if (!isPending(session)) {
					this.pending.remove(id);
				}
			}
		}
		finally {
			this.admitting.decrementAndGet();
		}
	}

	/**
	 * Counts a session as no longer pending, once it has passed a namespace connect or
	 * ended.
	 * @param session the session
	 */
	void settled(ClientHead session) {
		this.pending.remove(session.getSessionId());
	}

	private static boolean isPending(ClientHead session) {
		return session.isConnected() && !SocketIdentities.anyConnected(session);
	}

	/**
	 * Closes the sessions pending for longer than the connect timeout, forgets those no
	 * longer pending, and reports the handshakes refused since the last report.
	 * @param sessions every session of the server, by id
	 * @param hub forgets a closed session that was in no namespace (one in a namespace is
	 * forgotten when it leaves its last)
	 * @param now the time
	 */
	void sweep(Map<UUID, ClientHead> sessions, DisconnectableHub hub, Instant now) {
		Instant handshakeDeadline = now.minus(this.connectTimeout);
		for (ClientHead session : sessions.values()) {
			if (!SocketIdentities.anyConnected(session)
					&& session.getHandshakeData().getTime().toInstant().isBefore(handshakeDeadline)) {
				boolean inNoNamespace = session.getNamespaces().isEmpty();
				session.disconnect();
				if (inNoNamespace) {
					hub.onDisconnect(session);
				}
			}
		}
		this.pending.removeIf((id) -> {
			ClientHead session = sessions.get(id);
			return session == null || !isPending(session);
		});
		reportRefusals(now);
	}

	private void reportRefusals(Instant now) {
		int refused = this.refused.get();
		if (refused == 0 || now.isBefore(this.nextRefusalsReport)) {
			return;
		}
		this.refused.addAndGet(-refused);
		this.nextRefusalsReport = now.plusSeconds(REFUSALS_REPORT_SECONDS);
		logger.warn("Refused " + refused + " Engine.IO handshake" + ((refused != 1) ? "s" : "")
				+ " with 503 Too many pending connections since the last report: " + this.max
				+ " sessions at most may wait for their namespace connect at once"
				+ " (acp.socketio.max-pending-connections), " + this.pending.size() + " do now");
	}

}
