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

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.AuthorizeHandler;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.messages.XHROptionsMessage;
import com.corundumstudio.socketio.messages.XHRPostMessage;
import com.corundumstudio.socketio.protocol.PacketDecoder;
import com.corundumstudio.socketio.transport.PollingTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * netty-socketio's long-polling transport, serving each request with the one session it
 * looked up. A request for a session the server does not know, or no longer knows, is
 * answered as the Node.js Engine.IO server answers it: 400
 * {@code {"code":1,"message":"Session ID unknown"}}, logged at DEBUG. Clients send such
 * requests in the ordinary course of things, when their session has just ended (a last
 * poll, a message racing the close). netty-socketio's own transport answers them 500 and
 * logs each at ERROR ("is not registered"), and a check in front of it cannot help: a
 * session that ends between that check and the transport's own lookup still reaches it.
 * <p>
 * A POST is answered once its packets are read, as the Node.js server answers it:
 * netty-socketio answered first, and a client's next request on another connection could
 * still find open a session that the POST's packets end. Likewise a session is put in the
 * main namespace, where netty-socketio keeps every session, before its handshake is
 * answered, not after: a client's first POST, sent as soon as the handshake's answer
 * arrives, could otherwise be read first, and a packet that ends the session then found
 * it in no namespace and left it open.
 * <p>
 * A malformed {@code j} or {@code b64} parameter, a POST body that {@code b64=1} says is
 * URL-encoded but is not, or a method other than GET, POST and OPTIONS, is answered 400
 * {@code {"code":3,"message":"Bad request"}}.
 * <p>
 * A poll's channel is bound to its session, and a closed poll's channel released from it,
 * one at a time per session. netty-socketio releases a closed channel with a check and a
 * separate clear: a client's next poll, bound on another thread between the two, was
 * cleared with it, and then no packet answered that poll (an acknowledgement waited until
 * the client gave up). A packet queued on another thread while a poll is bound answers
 * that poll, where netty-socketio could leave it queued until the session's next packet.
 * <p>
 * A poll that arrives while another poll of its session waits for its answer takes its
 * place, and the waiting one is answered with a noop packet ({@code 6}); netty-socketio
 * left it unanswered until its client gave up. The Node.js server refuses the second 400
 * and closes the session; the session is kept here, since a client that abandoned a poll
 * sends the next one at once, before its first connection's close may have been seen.
 * <p>
 * While a session upgrades to WebSocket (its client probed a WebSocket, and has not sent
 * the upgrade yet), each poll is answered at once with a noop, as the Node.js server
 * answers them: the client pauses polling once its probe is answered and upgrades when
 * its poll in flight returns, and that poll may be one it sent after the probe's noop
 * answered the one before. netty-socketio left it waiting, and the client's messages,
 * which wait for the upgrade, with it, until the upgrade timeout closed the session.
 */
@ChannelHandler.Sharable
final class AcpPollingTransport extends PollingTransport {

	private static final Log logger = LogFactory.getLog(AcpPollingTransport.class);

	private static final byte[] NOOP = { '6' };

	/** In a session's store while the session upgrades to WebSocket. */
	private static final String UPGRADING = "acp.upgrading";

	/** The session whose poll a channel carries. */
	private static final AttributeKey<UUID> POLLED_SESSION = AttributeKey.valueOf("acpPolledSession");

	private final PacketDecoder decoder;

	private final AuthorizeHandler authorizer;

	private final ClientsBox sessions;

	/** Per session, the channel of its latest poll. */
	private final Map<UUID, Channel> polls = new ConcurrentHashMap<>();

	AcpPollingTransport(PacketDecoder decoder, AuthorizeHandler authorizer, ClientsBox sessions) {
		super(decoder, authorizer, sessions);
		this.decoder = decoder;
		this.authorizer = authorizer;
		this.sessions = sessions;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof FullHttpRequest request) {
			QueryStringDecoder query = new QueryStringDecoder(request.uri());
			if (NAME.equals(parameter(query, "transport"))) {
				try {
					serve(ctx, request, query);
				}
				finally {
					request.release();
				}
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		release(ctx.channel());
		ctx.fireChannelInactive();
	}

	/**
	 * Releases a connection from the session whose poll it carried: the connection has
	 * closed, or carries another request.
	 * @param channel the connection
	 */
	void release(Channel channel) {
		UUID polled = channel.attr(POLLED_SESSION).get();
		if (polled != null) {
			this.polls.remove(polled, channel);
		}
		ClientHead session = this.sessions.get(channel);
		if (session != null) {
			synchronized (session) {
				if (session.isTransportChannel(channel, Transport.POLLING)) {
					session.releasePollingChannel(channel);
				}
			}
		}
	}

	private void serve(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder query)
			throws IOException {
		Channel channel = ctx.channel();
		String origin = request.headers().get(HttpHeaderNames.ORIGIN);
		channel.attr(EncoderHandler.ORIGIN).set(origin);
		channel.attr(EncoderHandler.USER_AGENT).set(request.headers().get(HttpHeaderNames.USER_AGENT));
		try {
			String jsonpIndex = parameter(query, "j");
			if (jsonpIndex != null) {
				channel.attr(EncoderHandler.JSONP_INDEX).set(Integer.valueOf(jsonpIndex));
			}
			String base64 = parameter(query, "b64");
			if (base64 != null) {
				channel.attr(EncoderHandler.B64).set(flag(base64));
			}
		}
		catch (NumberFormatException ex) {
			EngineIoErrors.BAD_REQUEST.answer(ctx);
			return;
		}
		String sid = parameter(query, "sid");
		ClientHead session = (sid != null) ? UnknownSessionUpgradeHandler.session(this.sessions, sid)
				: channel.attr(ClientHead.CLIENT).get();
		if (session == null) {
			if (sid != null) {
				logger.debug("Long-polling request for unknown Engine.IO session " + sid);
				EngineIoErrors.UNKNOWN_SESSION.answer(ctx);
			}
			else {
				EngineIoErrors.BAD_REQUEST.answer(ctx);
			}
			return;
		}
		serve(ctx, request, query, session, origin);
	}

	private void serve(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder query, ClientHead session,
			@Nullable String origin) throws IOException {
		Channel channel = ctx.channel();
		HttpMethod method = request.method();
		if (query.parameters().containsKey("disconnect")) {
			session.onChannelDisconnect();
			channel.writeAndFlush(new XHRPostMessage(origin, session.getSessionId()));
		}
		else if (HttpMethod.GET.equals(method)) {
			this.authorizer.connect(session);
			Binding binding = bind(session, channel);
			if (binding.displaced() != null) {
				logger.debug("Overlapping long-polling requests for Engine.IO session " + session.getSessionId()
						+ "; the earlier one answered with a noop");
				answerNoop(binding.displaced());
			}
			if (binding.upgrading()) {
				answerNoop(channel);
			}
		}
		else if (HttpMethod.POST.equals(method)) {
			ByteBuf content = request.content();
			if (Boolean.TRUE.equals(channel.attr(EncoderHandler.B64).get())) {
				try {
					content = this.decoder.preprocessJson(channel.attr(EncoderHandler.JSONP_INDEX).get(), content);
				}
				catch (IllegalArgumentException ex) {
					// a body that is not URL-encoded as b64=1 requires
					EngineIoErrors.BAD_REQUEST.answer(ctx);
					return;
				}
			}
			// from the handler before the packets' own, not the pipeline's head: a TLS
			// handler there, still decoding this request, would hold the packets until
			// the request is answered and released
			ctx.pipeline()
				.context(PendingSessionLimitHandler.NAME)
				.fireChannelRead(new PacketsMessage(session, content, Transport.POLLING));
			channel.writeAndFlush(new XHRPostMessage(origin, session.getSessionId()));
		}
		else if (HttpMethod.OPTIONS.equals(method)) {
			channel.writeAndFlush(new XHROptionsMessage(origin, session.getSessionId()));
		}
		else {
			EngineIoErrors.BAD_REQUEST.answer(ctx);
		}
	}

	/**
	 * Marks a session as upgrading to WebSocket, before its probe is answered, so that a
	 * poll bound from then on is answered with a noop.
	 * @param session the session whose client probed a WebSocket
	 */
	void upgradeProbed(ClientHead session) {
		synchronized (session) {
			session.getStore().set(UPGRADING, Boolean.TRUE);
		}
	}

	/**
	 * Ends a session's upgrade.
	 * @param session the session whose client sent the upgrade
	 */
	void upgraded(ClientHead session) {
		synchronized (session) {
			session.getStore().del(UPGRADING);
		}
	}

	/**
	 * Binds a poll's channel to its session, then answers it with what the session has
	 * queued meanwhile. netty-socketio's sender queues a packet, then reads the session's
	 * polling channel, a plain field; its binder sets the channel, then looks at the
	 * queue. Each could miss the other's write, the sender seeing no channel and the poll
	 * no packet: the packet then waited for the next one. After a full fence the queue is
	 * looked at again, and either the sender sees the channel or this look sees its
	 * packet. Under the session's lock, as the marks of its upgrade, so that a poll bound
	 * just before the probe is the one the probe's noop answers, and one bound after it
	 * sees the mark.
	 */
	private Binding bind(ClientHead session, Channel channel) {
		UUID sid = session.getSessionId();
		synchronized (session) {
			Channel waiting = this.polls.put(sid, channel);
			channel.attr(POLLED_SESSION).set(sid);
			// a connection kept open after an answer carries its next poll
			channel.attr(EncoderHandler.WRITE_ONCE).set(null);
			session.bindChannel(channel, Transport.POLLING);
			VarHandle.fullFence();
			channel.writeAndFlush(new OutPacketMessage(session, Transport.POLLING));
			return new Binding(
					(waiting != null && waiting != channel && waiting.isActive()
							&& waiting.attr(EncoderHandler.WRITE_ONCE).get() == null) ? waiting : null,
					session.getStore().has(UPGRADING));
		}
	}

	/**
	 * Answers a poll with an Engine.IO noop packet on its own event loop, unless it was
	 * answered or closed meanwhile, and closes its connection as netty-socketio does
	 * after each answer (one served in place is kept open if the request allows it).
	 */
	private static void answerNoop(Channel poll) {
		poll.eventLoop().execute(() -> {
			if (poll.isActive() && poll.attr(EncoderHandler.WRITE_ONCE).compareAndSet(null, true)) {
				FullHttpResponse noop = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
						Unpooled.wrappedBuffer(NOOP));
				noop.headers()
					.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
					.set(HttpHeaderNames.CONTENT_LENGTH, NOOP.length);
				poll.writeAndFlush(noop).addListener(ChannelFutureListener.CLOSE);
			}
		});
	}

	/**
	 * A poll bound to its session.
	 *
	 * @param displaced the channel of the session's earlier poll if it still waits for
	 * its answer (netty-socketio marks a polling channel once it is answered), else
	 * {@code null}
	 * @param upgrading whether the session upgrades to WebSocket
	 */
	private record Binding(@Nullable Channel displaced, boolean upgrading) {

	}

	private static @Nullable String parameter(QueryStringDecoder query, String name) {
		List<String> values = query.parameters().get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static boolean flag(String value) {
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> Integer.parseInt(value) == 1;
		};
	}

}
