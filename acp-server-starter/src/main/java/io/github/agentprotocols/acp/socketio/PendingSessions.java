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
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.handler.ClientHead;

/**
 * The Engine.IO sessions that have not passed a namespace connect: a socket is only
 * authenticated by its namespace CONNECT (spec §5.2), so until then it is pending (a
 * refused connect leaves it pending). A session still pending once the connect timeout
 * has passed since its handshake is closed, as the Node.js server's
 * {@code connectTimeout} closes it; and while as many sessions are pending as allowed,
 * new handshakes are refused, so that clients which never authenticate cannot pile up.
 * The sessions are counted by a sweep (once a second); every handshake admitted since the
 * last sweep counts as pending until the next, so the bound holds between sweeps.
 */
final class PendingSessions {

	private final Duration connectTimeout;

	private final int max;

	private final AtomicInteger admittedSinceSweep = new AtomicInteger();

	private volatile int pendingAtSweep;

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
	 * Admits a handshake unless as many sessions are pending as allowed.
	 * @return whether the handshake may create a session
	 */
	boolean tryAdmit() {
		while (true) {
			int admitted = this.admittedSinceSweep.get();
			if (this.pendingAtSweep + admitted >= this.max) {
				return false;
			}
			if (this.admittedSinceSweep.compareAndSet(admitted, admitted + 1)) {
				return true;
			}
		}
	}

	/**
	 * Closes the sessions pending for longer than the connect timeout and counts the
	 * others.
	 * @param sessions every session of the server
	 * @param hub forgets a closed session that was in no namespace (one in a namespace is
	 * forgotten when it leaves its last)
	 * @param now the time
	 */
	void sweep(Collection<ClientHead> sessions, DisconnectableHub hub, Instant now) {
		int admitted = this.admittedSinceSweep.get();
		int pending = 0;
		Instant handshakeDeadline = now.minus(this.connectTimeout);
		for (ClientHead session : sessions) {
			if (SocketIdentities.anyConnected(session)) {
				continue;
			}
			if (session.getHandshakeData().getTime().toInstant().isBefore(handshakeDeadline)) {
				boolean inNoNamespace = session.getNamespaces().isEmpty();
				session.disconnect();
				if (inNoNamespace) {
					hub.onDisconnect(session);
				}
			}
			else {
				pending++;
			}
		}
		this.pendingAtSweep = pending;
		this.admittedSinceSweep.addAndGet(-admitted);
	}

}
