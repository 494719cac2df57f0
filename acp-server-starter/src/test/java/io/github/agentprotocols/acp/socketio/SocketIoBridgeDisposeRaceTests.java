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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyOutbound;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge's relay to the client ({@code clientOut.sendObject(serverIn.receive...)})
 * while the client's connection closes, the two connections on event loops of their own,
 * at the one moment the race needs: the server's inbound has taken its receiver, the
 * client's sender has no subscription yet. The race is driven step by step from hooks of
 * the relayed flux, so each test plays it the same way every time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketIoBridgeDisposeRaceTests {

	/** The client's connection's event loop (X). */
	private final LoopResources clientLoops = LoopResources.create("race-client", 1, true);

	/** The Socket.IO server's connection's event loop (Y). */
	private final LoopResources serverLoops = LoopResources.create("race-server", 1, true);

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private DisposableServer listener;

	/** Stands for the upstream WebSocket: its inbound is relayed. */
	private Connection server;

	/** Stands for the client's WebSocket: the relay writes to it. */
	private NettyOutbound clientOut;

	private Channel clientChannel;

	@BeforeEach
	void connect() {
		Hooks.onErrorDropped(this.dropped::add);
		CompletableFuture<NettyOutbound> accepted = new CompletableFuture<>();
		this.listener = TcpServer.create().host("127.0.0.1").port(0).runOn(this.clientLoops).handle((in, out) -> {
			accepted.complete(out);
			return Mono.never();
		}).bindNow();
		this.server = TcpClient.create().remoteAddress(this.listener::address).runOn(this.serverLoops).connectNow();
		this.clientOut = accepted.orTimeout(10, TimeUnit.SECONDS).join();
		this.clientOut.withConnection((connection) -> this.clientChannel = connection.channel());
		assertThat(this.clientChannel.eventLoop()).isNotSameAs(this.server.channel().eventLoop());
	}

	@AfterEach
	void close() {
		Hooks.resetOnErrorDropped();
		this.server.dispose();
		this.listener.disposeNow();
		this.clientLoops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
		this.serverLoops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
	}

	/**
	 * What the bridge did: the client's close disposed the server's connection from the
	 * client's event loop. Reactor Netty 1.3.6's MonoSendMany then runs its drain before
	 * it has a queue. (This one documents Reactor Netty's behaviour; it fails once
	 * Reactor Netty no longer has the bug, and can then go.)
	 */
	@Test
	void disposingTheServersConnectionFromTheClientsEventLoopDropsANullPointerException() {
		relayWhileTheClientCloses(this.server::dispose);
		assertThat(this.dropped).singleElement()
			.isInstanceOf(NullPointerException.class)
			.satisfies((ex) -> assertThat(ex.getStackTrace()[0].getClassName()).contains("MonoSendMany"));
	}

	@Test
	void disposingTheServersConnectionOnItsOwnEventLoopDropsNothing() {
		relayWhileTheClientCloses(() -> SocketIoBridge.disposeOnItsEventLoop(this.server));
		assertThat(this.dropped).isEmpty();
	}

	private void relayWhileTheClientCloses(Runnable disposeServer) {
		EventLoop clientLoop = this.clientChannel.eventLoop();
		EventLoop serverLoop = this.server.channel().eventLoop();
		Flux<?> frames = this.server.inbound()
			.receiveObject()
			// On the server's event loop, after FluxReceive took its receiver and before
			// MonoSendMany's onSubscribe: the client's connection closes on its own event
			// loop, where its close listeners run in the order they were added.
			.doOnSubscribe((subscription) -> {
				runOn(clientLoop, disposeServer); // closeServerWhenClientEnds
				this.clientChannel.close().syncUninterruptibly(); // MonoSendMany's own
																	// listener
				runOn(clientLoop, () -> {
				});
			})
			// After MonoSendMany refused the subscription, and the receiver's completion
			// scheduled MonoSendMany's drain on the client's event loop: the drain runs
			// there before MonoSendMany, on this event loop, makes its queue.
			.doFinally((signal) -> runOn(clientLoop, () -> {
			}));
		this.clientOut.sendObject(frames).then().subscribe();
		runOn(serverLoop, () -> {
		});
		runOn(clientLoop, () -> {
		});
	}

	private static void runOn(EventLoop eventLoop, Runnable task) {
		eventLoop.submit(task).syncUninterruptibly();
	}

}
