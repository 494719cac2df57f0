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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long-polling session whose queue holds more than one poll's worth of events (50):
 * everything arrives, over the following polls. The session is driven by hand, so that
 * the events are queued before it polls, as they are for a client slowed down by load.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class PollingBacklogTests {

	private static final int MESSAGES = 60;

	private static final Pattern TEXT = Pattern.compile("\"text\":\"(m\\d+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void eventsQueuedBeyondOnePollAllArriveInOrder() throws IOException, InterruptedException {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		rest.addUser(thread, "bob");
		String sid = handshake();
		post(sid, "40{\"user\":\"alice\"}");
		pollUntil(sid, (packet) -> packet.startsWith("40{"));
		post(sid, "420[\"thread:join\",{\"thread_id\":\"" + thread + "\"}]");
		pollUntil(sid, (packet) -> packet.startsWith("430"));
		List<String> sent = IntStream.range(0, MESSAGES).mapToObj((i) -> "m" + i).toList();
		try (TestSocket bob = TestSocket.open("http://127.0.0.1:" + this.port, "websocket", "bob").connected()) {
			bob.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
			sent.forEach((text) -> rest.message("alice", thread, text));
			await().atMost(Duration.ofSeconds(60)).until(() -> bob.received("event").size() == MESSAGES);
		}
		List<String> received = new ArrayList<>();
		Instant deadline = Instant.now().plusSeconds(40);
		while (received.size() < MESSAGES && Instant.now().isBefore(deadline)) {
			for (String packet : poll(sid)) {
				Matcher text = TEXT.matcher(packet);
				if (packet.startsWith("42[\"event\"") && text.find()) {
					received.add(text.group(1));
				}
			}
		}
		assertThat(received).containsExactlyElementsOf(sent);
	}

	private String handshake() throws IOException, InterruptedException {
		String open = send(HttpRequest.newBuilder(uri(null)).GET());
		Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open);
		assertThat(sid.find()).as(open).isTrue();
		return sid.group(1);
	}

	private void pollUntil(String sid, Predicate<String> wanted) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plusSeconds(40);
		while (Instant.now().isBefore(deadline)) {
			if (poll(sid).stream().anyMatch(wanted)) {
				return;
			}
		}
		throw new AssertionError("no such packet in 40 s");
	}

	/**
	 * One poll's packets; a ping is answered.
	 */
	private List<String> poll(String sid) throws IOException, InterruptedException {
		List<String> packets = List.of(send(HttpRequest.newBuilder(uri(sid)).GET()).split("\u001e"));
		if (packets.contains("2")) {
			post(sid, "3");
		}
		return packets;
	}

	private void post(String sid, String packet) throws IOException, InterruptedException {
		assertThat(send(HttpRequest.newBuilder(uri(sid)).POST(BodyPublishers.ofString(packet)))).isEqualTo("ok");
	}

	private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString()).body();
	}

	private URI uri(String sid) {
		return URI.create("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling"
				+ ((sid != null) ? "&sid=" + sid : ""));
	}

}
