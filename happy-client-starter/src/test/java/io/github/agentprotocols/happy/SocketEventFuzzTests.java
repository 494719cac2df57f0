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

package io.github.agentprotocols.happy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.wire.Ephemeral;
import io.github.agentprotocols.happy.wire.Update;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the events a Happy server sends on the socket, through a
 * real {@link HappySocket} connected to the test kit's server: the input's first byte
 * picks the event ({@code update} when even, {@code ephemeral} when odd), the rest is its
 * payload, sent as the JSON value it spells (or as a string when it spells none). After
 * each, the server sends a well-formed {@code session-event}: it arrives within a bound,
 * the socket never dropped, and everything the socket passed on carries the ids its
 * readers use.
 */
class SocketEventFuzzTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static @Nullable Peer peer;

	private static int markers;

	@FuzzTest
	void serverEvent(byte[] input) throws Exception {
		BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.startsWith("127."));
		Peer peer = peer();
		String event = (input.length > 0 && (input[0] & 1) == 1) ? "ephemeral" : "update";
		byte[] payload = (input.length > 0) ? Arrays.copyOfRange(input, 1, input.length) : input;
		peer.server().emitEvent(peer.account().token(), event, value(payload));
		String marker = "marker-" + (++markers);
		peer.server().emitSessionEvent(peer.account().token(), marker, "done", "t", "b");
		for (Ephemeral received = next(peer); !isMarker(received, marker); received = next(peer)) {
			checkEphemeral(received);
		}
		for (Update update = peer.updates().poll(); update != null; update = peer.updates().poll()) {
			checkUpdate(update);
		}
		assertThat(peer.drops()).as("drops after " + event + " " + new String(payload, StandardCharsets.UTF_8))
			.hasValue(0);
	}

	private static Ephemeral next(Peer peer) throws InterruptedException {
		Ephemeral received = peer.ephemerals().poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(received).as("the marker within " + TIMEOUT).isNotNull();
		return received;
	}

	private static boolean isMarker(Ephemeral received, String marker) {
		return received instanceof Ephemeral.SessionEvent event && event.sessionId().equals(marker);
	}

	private static void checkEphemeral(Ephemeral received) {
		if (received instanceof Ephemeral.Activity activity) {
			assertThat(activity.id()).isNotNull();
		}
		else if (received instanceof Ephemeral.MachineActivity activity) {
			assertThat(activity.id()).isNotNull();
		}
		else if (received instanceof Ephemeral.SessionEvent event) {
			assertThat(event.sessionId()).isNotNull();
			assertThat(event.kind()).isNotNull();
		}
	}

	private static void checkUpdate(Update update) {
		if (update instanceof Update.NewMessage message) {
			assertThat(message.sid()).isNotNull();
			assertThat(message.message().content()).isNotNull();
		}
		else if (update instanceof Update.UpdateSession session) {
			assertThat(session.id()).isNotNull();
		}
		else if (update instanceof Update.DeleteSession deleted) {
			assertThat(deleted.sid()).isNotNull();
		}
	}

	private static @Nullable Object value(byte[] payload) {
		try {
			return json.readValue(payload, Object.class);
		}
		catch (JacksonException ex) {
			return new String(payload, StandardCharsets.UTF_8);
		}
	}

	/**
	 * The server, an account, and a socket of it whose updates and ephemerals are queued;
	 * started with the first input and kept for the run.
	 */
	private static Peer peer() {
		if (peer == null) {
			FakeHappyServer server = FakeHappyServer.start();
			HappyTestAccount account = HappyTestAccount.create(server);
			AtomicInteger drops = new AtomicInteger();
			HappySocket socket = new HappySocket(URI.create(server.url()), Mono.just(account.token()), "fuzz", TIMEOUT,
					new SocketListener() {

						@Override
						public void disconnected(String reason) {
							drops.incrementAndGet();
						}

					});
			BlockingQueue<Update> updates = new LinkedBlockingQueue<>();
			BlockingQueue<Ephemeral> ephemerals = new LinkedBlockingQueue<>();
			socket.updates().subscribe(updates::add);
			socket.ephemerals().subscribe(ephemerals::add);
			socket.connect().block(TIMEOUT);
			peer = new Peer(server, account, updates, ephemerals, drops);
		}
		return peer;
	}

	private record Peer(FakeHappyServer server, HappyTestAccount account, BlockingQueue<Update> updates,
			BlockingQueue<Ephemeral> ephemerals, AtomicInteger drops) {

	}

}
