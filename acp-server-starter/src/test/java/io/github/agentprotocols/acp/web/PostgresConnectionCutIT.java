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

package io.github.agentprotocols.acp.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.TcpProxy;
import io.github.agentprotocols.acp.web.AcpHttp.Reply;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection to PostgreSQL cut while messages are posted: a TCP proxy between the
 * application and the server drops every connection, refuses new ones for 5 s, then
 * accepts again. Every message answered with a 2xx is stored, the posts that failed were
 * answered 503 in the error shape, and the application recovers without a restart.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@UsesPostgres
class PostgresConnectionCutIT {

	private static final int POSTERS = 2;

	private static final Pattern HOST_AND_PORT = Pattern.compile("@([^:/?]+)(:\\d+)?/");

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresConnectionCutIT.class);

	static final TcpProxy proxy = startProxy();

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		Matcher url = HOST_AND_PORT.matcher(database.r2dbcUrl());
		assertThat(url.find()).isTrue();
		registry.add("spring.r2dbc.url", () -> url.replaceFirst("@127.0.0.1:" + proxy.port() + "/"));
	}

	private static TcpProxy startProxy() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl());
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		try {
			return new TcpProxy((String) options.getRequiredValue(ConnectionFactoryOptions.HOST),
					(port != null) ? Integer.parseInt(port.toString()) : 5432);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() throws IOException {
		proxy.close();
		database.close();
	}

	@LocalServerPort
	int port;

	@Test
	void messagesPostedAcrossAConnectionCutAreStoredWhenAcknowledgedAndRefusedWith503Otherwise() throws Exception {
		AcpHttp http = new AcpHttp(this.port);
		String thread = http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		List<Reply> replies = new CopyOnWriteArrayList<>();
		AtomicBoolean posting = new AtomicBoolean(true);
		AtomicInteger sequence = new AtomicInteger();
		ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
		List<Future<?>> running = List.of(posters.submit(() -> post(http, thread, posting, sequence, replies)),
				posters.submit(() -> post(http, thread, posting, sequence, replies)));
		awaitReplies(replies, 20);
		proxy.cut();
		int beforeCut = replies.size();
		Thread.sleep(5000);
		int duringCut = replies.size();
		proxy.restore();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (successesAfter(replies, duringCut) < 20 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		posting.set(false);
		for (Future<?> poster : running) {
			poster.get(60, TimeUnit.SECONDS);
		}
		posters.shutdown();

		List<Reply> refused = replies.stream().filter((reply) -> reply.status() != 201).toList();
		assertThat(refused).as("posts while the database was unreachable").isNotEmpty();
		for (Reply reply : refused) {
			reply.isError(503, "internal_error");
			assertThat(reply.response().headers().firstValue("Retry-After")).isPresent();
		}
		// each poster may have had one post in flight when the cut came, committed before
		// it
		// and acknowledged after it; every other post of the cut is refused
		List<Reply> duringTheCut = replies.subList(beforeCut, duringCut);
		assertThat(duringTheCut).as("posts while new connections were refused")
			.filteredOn((reply) -> reply.status() == 201)
			.hasSizeLessThanOrEqualTo(POSTERS);
		assertThat(duringTheCut).as("posts while new connections were refused")
			.filteredOn((reply) -> reply.status() != 201)
			.isNotEmpty()
			.allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(503));
		assertThat(successesAfter(replies, duringCut)).as("recovered without a restart").isGreaterThanOrEqualTo(20);
		List<String> acknowledged = replies.stream()
			.filter((reply) -> reply.status() == 201)
			.map((reply) -> reply.json().get("id").stringValue())
			.toList();
		List<String> stored = database.client()
			.sql("SELECT id FROM acp_events WHERE thread_id = :thread AND type = 'message'")
			.bind("thread", thread)
			.map((row) -> row.get("id", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(stored).containsAll(acknowledged);
	}

	private static void post(AcpHttp http, String thread, AtomicBoolean posting, AtomicInteger sequence,
			List<Reply> replies) {
		while (posting.get()) {
			replies.add(http.post("alice", "/threads/" + thread + "/messages", "{\"client_id\":\"c"
					+ sequence.incrementAndGet() + "\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}"));
		}
	}

	private static long successesAfter(List<Reply> replies, int index) {
		List<Reply> snapshot = List.copyOf(replies);
		return snapshot.subList(index, snapshot.size()).stream().filter((reply) -> reply.status() == 201).count();
	}

	private static void awaitReplies(List<Reply> replies, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (replies.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

}
