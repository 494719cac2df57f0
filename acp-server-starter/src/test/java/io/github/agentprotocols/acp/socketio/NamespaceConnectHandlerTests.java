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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.InPacketHandler;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.listener.ExceptionListener;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketDecoder;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.github.agentprotocols.acp.AcpMetrics;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * {@link NamespaceConnectHandler} in front of netty-socketio's own packet handler and
 * decoder, on a long-polling payload of several packets.
 */
class NamespaceConnectHandlerTests {

	private final TrackingAllocator allocator = new TrackingAllocator();

	private final PacketListener packetListener = mock(PacketListener.class);

	private final ClientHead client = mock(ClientHead.class);

	@Test
	void everyPacketOfAPayloadIsDecodedAndNoBufferIsLeftUnreleased() throws Exception {
		NamespacesHub namespaces = new NamespacesHub(new Configuration());
		Namespace main = namespaces.create(Namespace.DEFAULT_NAME);
		given(this.client.getEngineIOVersion()).willReturn(EngineIOVersion.V4);
		given(this.client.getSessionId()).willReturn(UUID.randomUUID());
		given(this.client.getChildClient(main)).willReturn(mock(NamespaceClient.class));
		EmbeddedChannel channel = new EmbeddedChannel(handler());
		channel.pipeline()
			.addLast(SocketIOChannelInitializer.PACKET_HANDLER,
					new InPacketHandler(this.packetListener,
							new PacketDecoder(new AcpJsonSupport(SocketIoEvents.NAMES), mock(AckManager.class)),
							namespaces, mock(ExceptionListener.class)));
		ByteBuf payload = this.allocator.heapBuffer();
		payload.writeCharSequence("42[\"thread:join\",{}]\u001e42[\"message:send\",{}]\u001e42[\"thread:leave\",{}]",
				StandardCharsets.UTF_8);
		channel.writeInbound(new PacketsMessage(this.client, payload, Transport.POLLING));
		payload.release();
		ArgumentCaptor<Packet> packets = ArgumentCaptor.forClass(Packet.class);
		verify(this.packetListener, times(3)).onPacket(packets.capture(), any(), eq(Transport.POLLING));
		assertThat(packets.getAllValues()).extracting(Packet::getName)
			.containsExactly("thread:join", "message:send", "thread:leave");
		assertThat(this.allocator.allocated).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
		channel.finishAndReleaseAll();
	}

	private static NamespaceConnectHandler handler() {
		SocketIOServer server = mock(SocketIOServer.class);
		given(server.addNamespace(Namespace.DEFAULT_NAME)).willReturn(mock(SocketIONamespace.class));
		return new NamespaceConnectHandler(new SocketConnectAuthenticator((handshake) -> Mono.empty(), null),
				new SocketIoNamespaces(server, mock(SocketIoEvents.class), new RoomAudiences()),
				new PendingSessions(Duration.ofSeconds(45), 1000), AcpMetrics.NONE, SocketIoObservations.NONE);
	}

	/**
	 * Allocates unpooled buffers, and remembers them.
	 */
	static final class TrackingAllocator extends AbstractByteBufAllocator {

		final List<ByteBuf> allocated = new ArrayList<>();

		@Override
		protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
			return remember(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
		}

		@Override
		protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
			return remember(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
		}

		private ByteBuf remember(ByteBuf buffer) {
			this.allocated.add(buffer);
			return buffer;
		}

		@Override
		public boolean isDirectBufferPooled() {
			return false;
		}

	}

}
