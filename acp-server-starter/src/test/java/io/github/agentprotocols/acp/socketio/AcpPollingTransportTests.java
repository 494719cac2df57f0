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

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.TransportState;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;

/**
 * {@link AcpPollingTransport} in the server's own pipeline, on an embedded channel. A
 * long-polling request whose session ends after the request reached the server and before
 * the transport served it is answered as a request for an unknown session, 400
 * {@code Session ID unknown}, with no ERROR logged: the session is ended by a handler
 * placed right before the transport, so the end falls exactly in that window, on every
 * run.
 */
@ExtendWith({ NettyLeakDetection.class, OutputCaptureExtension.class })
class AcpPollingTransportTests {

	private static final String UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";

	private static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";

	private static final String TRANSPORT_UNKNOWN = "{\"code\":0,\"message\":\"Transport unknown\"}";

	private final PendingSessions pending = new PendingSessions(Duration.ofSeconds(45), 1000);

	private final AcpChannelInitializer pipeline = new AcpChannelInitializer(
			new PathAliasHandler("/socket.io", List.of()), new OriginCheckHandler(AllowedOrigins.of(List.of())),
			new TransportCheckHandler("/socket.io"),
			new NamespaceConnectHandler(new SocketConnectAuthenticator(mock(AcpAuthenticator.class), null),
					mock(SocketIoNamespaces.class), this.pending, mock(AcpMetrics.class), SocketIoObservations.NONE),
			new PendingSessionLimitHandler(this.pending));

	@BeforeEach
	void start() {
		Configuration configuration = new Configuration();
		configuration.setContext("/socket.io");
		configuration.setJsonSupport(new AcpJsonSupport(SocketIoEvents.NAMES));
		configuration.setRandomSession(true);
		// No ping of the server answers a poll while a test runs, however slow the
		// machine.
		configuration.setPingInterval((int) Duration.ofHours(1).toMillis());
		NamespacesHub namespaces = new NamespacesHub(configuration);
		namespaces.create(Namespace.DEFAULT_NAME);
		this.pipeline.start(configuration, namespaces);
	}

	@AfterEach
	void stop() {
		this.pipeline.stop();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET", "POST", "OPTIONS" })
	void requestWhoseSessionEndsBeforeTheTransportServesItIsAnswered400WithoutAnErrorLogged(String method,
			CapturedOutput output) {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		EmbeddedChannel poll = channel();
		poll.pipeline()
			.addBefore(SocketIOChannelInitializer.XHR_POLLING_TRANSPORT, "endsTheSession",
					new ChannelInboundHandlerAdapter() {

						@Override
						public void channelRead(ChannelHandlerContext ctx, Object msg) {
							AcpPollingTransportTests.this.pipeline.onDisconnect(session);
							ctx.fireChannelRead(msg);
						}

					});
		String answer = exchange(poll, request(method,
				"/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), "42[\"thread:leave\",{}]"));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + UNKNOWN);
		assertThat(output).doesNotContain("is not registered").doesNotContain("ERROR");
		handshake.finishAndReleaseAll();
		poll.finishAndReleaseAll();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "&j=x", "&b64=yes" })
	void malformedParameterIsABadRequest(String parameter, CapturedOutput output) {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		EmbeddedChannel poll = channel();
		String answer = exchange(poll,
				request("GET", "/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId() + parameter, ""));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + BAD_REQUEST);
		assertThat(output).doesNotContain("ERROR");
		handshake.finishAndReleaseAll();
		poll.finishAndReleaseAll();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "%", "40%ZZ", "%u002e" })
	void aBase64PostWhoseBodyIsNotUrlEncodedIsABadRequest(String body, CapturedOutput output) {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		EmbeddedChannel post = channel();
		String answer = exchange(post,
				request("POST", "/socket.io/?EIO=4&transport=polling&b64=1&sid=" + session.getSessionId(), body));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + BAD_REQUEST);
		assertThat(output).doesNotContain("ERROR");
		handshake.finishAndReleaseAll();
		post.finishAndReleaseAll();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PUT", "DELETE", "PATCH" })
	void methodOtherThanGetPostOrOptionsIsABadRequest(String method, CapturedOutput output) {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		EmbeddedChannel poll = channel();
		String answer = exchange(poll,
				request(method, "/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), ""));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + BAD_REQUEST);
		assertThat(output).doesNotContain("ERROR");
		handshake.finishAndReleaseAll();
		poll.finishAndReleaseAll();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH", "get" })
	void handshakeByAnotherMethodThanGetIsRefusedAsNodeRefusesIt(String method, CapturedOutput output) {
		EmbeddedChannel channel = channel();
		String answer = exchange(channel, request(method, "/socket.io/?EIO=4&transport=polling", ""));
		assertThat(answer).startsWith("HTTP/1.1 400")
			.endsWith("\r\n\r\n{\"code\":2,\"message\":\"Bad handshake method\"}");
		assertThat(output).doesNotContain("ERROR");
		channel.finishAndReleaseAll();
	}

	@Test
	void headHandshakeIsRefused(CapturedOutput output) {
		EmbeddedChannel channel = channel();
		String answer = exchange(channel, request("HEAD", "/socket.io/?EIO=4&transport=polling", ""));
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(output).doesNotContain("ERROR");
		channel.finishAndReleaseAll();
	}

	static Stream<Arguments> requestNoTransportServesIsRefusedWithoutAnErrorLogged() {
		return Stream.of(arguments("/socket.io/?EIO=4", TRANSPORT_UNKNOWN),
				arguments("/socket.io/?EIO=4&transport=flash", TRANSPORT_UNKNOWN),
				arguments("/socket.io/?EIO=4&transport=POLLING", TRANSPORT_UNKNOWN),
				arguments("/socket.io/?EIO=4&transport=websocket", BAD_REQUEST),
				arguments("/socket.io/x?EIO=4&transport=websocket&sid=1", BAD_REQUEST),
				arguments("/socket.io/../socket.io/?EIO=4&transport=polling", BAD_REQUEST),
				arguments("/socket.io/x", BAD_REQUEST), arguments("/socket.io//?EIO=4&transport=polling", BAD_REQUEST));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void requestNoTransportServesIsRefusedWithoutAnErrorLogged(String uri, String error, CapturedOutput output) {
		EmbeddedChannel channel = channel();
		String answer = exchange(channel, request("GET", uri, ""));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + error);
		assertThat(output).doesNotContain("ERROR");
		channel.finishAndReleaseAll();
	}

	/**
	 * A client sends its next poll as soon as the previous one is answered, so the new
	 * poll's channel is bound while the previous channel's close is still being handled
	 * on another thread. Whatever the interleaving, the session's polling channel is the
	 * new one and a packet sent next answers it.
	 */
	@Test
	void pollBoundWhileThePreviousPollsChannelClosesIsAnswered() throws Exception {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		String poll = request("GET", "/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), "");
		ExecutorService closer = Executors.newSingleThreadExecutor();
		try {
			for (int round = 0; round < 2_000; round++) {
				EmbeddedChannel previous = channel();
				assertThat(exchange(previous, poll)).isEmpty();
				EmbeddedChannel next = channel();
				CyclicBarrier start = new CyclicBarrier(2);
				long spin = ThreadLocalRandom.current().nextLong(250_000);
				Future<?> closed = closer.submit(() -> {
					start.await();
					for (long until = System.nanoTime() + spin; System.nanoTime() < until;) {
						Thread.onSpinWait();
					}
					previous.pipeline().fireChannelInactive();
					return null;
				});
				start.await();
				String held = exchange(next, poll);
				closed.get();
				assertThat(held).isEmpty();
				session.send(new Packet(PacketType.PING, EngineIOVersion.V4));
				assertThat(drain(next)).as("round %d", round).startsWith("HTTP/1.1 200").endsWith("2");
				previous.finishAndReleaseAll();
				next.finishAndReleaseAll();
			}
		}
		finally {
			closer.shutdownNow();
			handshake.finishAndReleaseAll();
		}
	}

	/**
	 * A packet sent on another thread while a poll is bound answers that poll.
	 * netty-socketio's sender queues the packet, then reads the session's polling
	 * channel; the binder sets the channel, then looks at the queue. The channel is a
	 * plain field, so each may miss the other's write (a store-load reordering the Java
	 * memory model allows): the sender sees no channel to write to, the poll no packet,
	 * and the poll waited for the next packet of its session. The test forces that
	 * outcome: the packet reaches the queue just after the bind found it empty, and
	 * nothing writes it.
	 */
	@Test
	void packetQueuedAsThePollIsBoundAnswersIt() {
		EmbeddedChannel handshake = channel();
		ClientHead session = open(handshake);
		handshake.finishAndReleaseAll();
		LateQueue queue = new LateQueue(new Packet(PacketType.PING, EngineIOVersion.V4));
		Map<Transport, TransportState> states = privateField(session, "channels");
		states.get(Transport.POLLING).setPacketsQueue(queue);
		EmbeddedChannel poll = channel();
		String answer = exchange(poll,
				request("GET", "/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), ""));
		assertThat(answer).startsWith("HTTP/1.1 200").endsWith("2");
		poll.finishAndReleaseAll();
	}

	/**
	 * A client sends its first POST as soon as the handshake's answer arrives, on another
	 * connection, which may be read before the thread that answered the handshake is done
	 * with it. A packet that ends the session ends it even then: netty-socketio put the
	 * session in the main namespace after answering, and a packet read in between found
	 * it in no namespace and left it open (a CONNECT after it was answered 200).
	 */
	@Test
	void packetReadAsSoonAsTheHandshakeIsAnsweredEndsTheSession(CapturedOutput output) {
		EmbeddedChannel handshake = channel();
		EmbeddedChannel post = channel();
		List<String> posted = new ArrayList<>();
		handshake.pipeline().addFirst("postsOnceAnswered", new ChannelOutboundHandlerAdapter() {

			@Override
			public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
				ctx.write(msg, promise);
				ClientHead session = ctx.channel().attr(ClientHead.CLIENT).get();
				if (session != null && posted.isEmpty()) {
					posted.add(exchange(post, request("POST",
							"/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), "t0")));
				}
			}

		});
		ClientHead session = open(handshake);
		assertThat(posted).singleElement().asString().startsWith("HTTP/1.1 200");
		EmbeddedChannel poll = channel();
		String answer = exchange(poll,
				request("GET", "/socket.io/?EIO=4&transport=polling&sid=" + session.getSessionId(), ""));
		assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + UNKNOWN);
		assertThat(output).doesNotContain("ERROR");
		handshake.finishAndReleaseAll();
		post.finishAndReleaseAll();
		poll.finishAndReleaseAll();
	}

	@SuppressWarnings("unchecked")
	private static <T> T privateField(Object target, String name) {
		Field field = ReflectionUtils.findField(target.getClass(), name);
		assertThat(field).isNotNull();
		ReflectionUtils.makeAccessible(field);
		return (T) ReflectionUtils.getField(field, target);
	}

	private static ClientHead open(EmbeddedChannel channel) {
		String opened = exchange(channel, request("GET", "/socket.io/?EIO=4&transport=polling", ""));
		assertThat(opened).startsWith("HTTP/1.1 200").contains("\"sid\"");
		ClientHead session = channel.attr(ClientHead.CLIENT).get();
		assertThat(session).isNotNull();
		return session;
	}

	private static String request(String method, String uri, String body) {
		return method + " " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\n"
				+ "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	private static String exchange(EmbeddedChannel channel, String request) {
		channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
		channel.runPendingTasks();
		return drain(channel);
	}

	private static String drain(EmbeddedChannel channel) {
		StringBuilder answer = new StringBuilder();
		for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
			ByteBuf buffer = (ByteBuf) out;
			answer.append(buffer.toString(StandardCharsets.UTF_8));
			buffer.release();
		}
		return answer.toString();
	}

	/**
	 * A session's queue whose packet arrives just after the first look at it.
	 */
	private static final class LateQueue extends ConcurrentLinkedQueue<Packet> {

		private final AtomicReference<@Nullable Packet> late;

		LateQueue(Packet late) {
			this.late = new AtomicReference<>(late);
		}

		@Override
		public boolean isEmpty() {
			boolean empty = super.isEmpty();
			Packet packet = this.late.getAndSet(null);
			if (packet != null) {
				add(packet);
			}
			return empty;
		}

	}

	private EmbeddedChannel channel() {
		return new EmbeddedChannel(this.pipeline) {

			@Override
			protected SocketAddress remoteAddress0() {
				return new InetSocketAddress("127.0.0.1", 50000);
			}

			@Override
			protected SocketAddress localAddress0() {
				return new InetSocketAddress("127.0.0.1", 8080);
			}

		};
	}

}
