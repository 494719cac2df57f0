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

package io.github.agentprotocols.hpp.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames a WebSocket connection sends: every event of the session, in order, however
 * the connection's demand and the events' arrival interleave, and nothing after the event
 * that closes the connection.
 */
class HandshakeWebSocketHandlerTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final ConnectionFrames frames = new ConnectionFrames(System::nanoTime);

	private final Connection connection = new Connection();

	@Test
	void eventsThatArriveWhileTheConnectionTakesNoneAreAllSentInOrder() {
		HandshakeEvent connected = HandshakeEvent.connected("s1", nodes.stringNode("form-fill"));
		HandshakeEvent a = HandshakeEvent.action("a", nodes.numberNode(1));
		HandshakeEvent b = HandshakeEvent.action("b", nodes.numberNode(2));
		HandshakeEvent done = HandshakeEvent.done(2, List.of(), List.of());
		HandshakeEvent closed = HandshakeEvent.error("session closed");
		this.frames.frames().subscribe(this.connection);
		emit(connected);
		assertThat(this.connection.received).containsExactly(connected);
		emit(a, b, done);
		this.connection.request(3);
		assertThat(this.connection.received).containsExactly(connected, a, b, done);
		emit(closed, a);
		this.connection.request(2);
		assertThat(this.connection.received).containsExactly(connected, a, b, done, closed);
		assertThat(this.connection.completed).isTrue();
	}

	private void emit(HandshakeEvent... emitted) {
		for (HandshakeEvent event : emitted) {
			this.frames.emit(event);
		}
	}

	/**
	 * A connection that takes one frame at first, then as many as the test requests.
	 */
	private static final class Connection extends BaseSubscriber<HandshakeEvent> {

		private final List<HandshakeEvent> received = new CopyOnWriteArrayList<>();

		private volatile boolean completed;

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(HandshakeEvent event) {
			this.received.add(event);
		}

		@Override
		protected void hookOnComplete() {
			this.completed = true;
		}

	}

}
