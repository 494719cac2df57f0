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

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.transport.NamespaceClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * netty-socketio's packet listener, ignoring an Engine.IO UPGRADE sent over long-polling:
 * a client sends it on the WebSocket it upgrades to, never on the polling transport,
 * where netty-socketio failed on it with a {@link NullPointerException} logged at ERROR.
 * A WebSocket's probe and upgrade mark the session's upgrade for the
 * {@link AcpPollingTransport}, which answers polls at once while it lasts.
 */
final class AcpPacketListener extends PacketListener {

	private static final Log logger = LogFactory.getLog(AcpPacketListener.class);

	private final AcpPollingTransport polling;

	AcpPacketListener(AckManager acks, NamespacesHub namespaces, AcpPollingTransport polling,
			CancelableScheduler scheduler) {
		super(acks, namespaces, polling, scheduler);
		this.polling = polling;
	}

	@Override
	public void onPacket(Packet packet, NamespaceClient client, Transport transport) {
		if (packet.getType() == PacketType.UPGRADE && transport == Transport.POLLING) {
			logger.debug("Engine.IO UPGRADE over long-polling from session " + client.getSessionId() + " ignored");
			return;
		}
		if (transport == Transport.WEBSOCKET) {
			if (packet.getType() == PacketType.PING && "probe".equals(packet.getData())) {
				this.polling.upgradeProbed(client.getBaseClient());
			}
			else if (packet.getType() == PacketType.UPGRADE) {
				this.polling.upgraded(client.getBaseClient());
			}
		}
		super.onPacket(packet, client, transport);
	}

}
