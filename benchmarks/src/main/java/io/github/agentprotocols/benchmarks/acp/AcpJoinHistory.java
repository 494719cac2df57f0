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

package io.github.agentprotocols.benchmarks.acp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.SocketIoOperation;
import io.socket.client.IO;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Join-history read on PostgreSQL: the {@value #EVENTS} events of one thread (its
 * {@code thread.created} and {@value #EVENTS}−1 messages), one read at a time. Through
 * the store ({@link #replay()}): {@code ThreadStore.replay(id, null, 500)}, what
 * {@code thread:join} and {@code ctx.events(500)} do; baseline: the same statement
 * through {@code DatabaseClient}, rows as the driver reads them. Over REST
 * ({@link #rest()}): {@code GET /acp/threads/{id}/events?limit=200} followed page by page
 * to the end (three requests); baseline: the same paging of the raw endpoint
 * {@link RawEventRoutes#EVENTS_PATH} of the same server. Over Socket.IO
 * ({@link #socketIo()}): {@code thread:join} with a {@code since} older than the thread,
 * from the emit to the acknowledgement replaying all {@value #EVENTS} events, through the
 * official Java client on a WebSocket through the application's port; measured beside the
 * REST read and, as baseline, the store's statement through {@code DatabaseClient}.
 * Alternating rounds; goal: at most 50 ms.
 */
public final class AcpJoinHistory implements LoadScenario {

	static final int EVENTS = 500;

	private static final int PAGE = 200;

	private static final int READS = 200;

	private static final String JOIN = "{\"thread_id\":\"%s\",\"since\":{\"created_at\":\"1970-01-01T00:00:00.000000Z\",\"id\":\"evt_0\"}}";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final Subject subject;

	private AcpJoinHistory(Subject subject) {
		this.subject = subject;
	}

	/**
	 * The read through the store's replay.
	 * @return the scenario
	 */
	public static AcpJoinHistory replay() {
		return new AcpJoinHistory(Subject.REPLAY);
	}

	/**
	 * The read through the REST API, paged.
	 * @return the scenario
	 */
	public static AcpJoinHistory rest() {
		return new AcpJoinHistory(Subject.REST);
	}

	/**
	 * The replay of a {@code thread:join} over Socket.IO, beside the paged REST read.
	 * @return the scenario
	 */
	public static AcpJoinHistory socketIo() {
		return new AcpJoinHistory(Subject.SOCKET_IO);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(1, Duration.ofMinutes(3));
		try (AcpBenchDatabase database = AcpBenchDatabase.create();
				Running application = AcpBenchmarkApplication.start(database)) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			String threadId = BenchThreads.create(store);
			for (int i = 1; i < EVENTS; i++) {
				EventDraft draft = new EventDraft(null, List.of(new ContentPart.Text("message " + i)), null);
				store.append(draft.toEvent(AcpIds.event(), threadId, AcpBenchmarkApplication.USER, Instant.now()))
					.block(Duration.ofSeconds(30));
			}
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://127.0.0.1:" + application.port();
			RawEvents raw = application.context().getBean(RawEvents.class);
			Operation rawSelect = () -> counted(raw.newest(threadId, EVENTS).map(List::size));
			Operation restRead = pagedRead(client, base + "/acp/threads/" + threadId + "/events");
			switch (this.subject) {
				case REPLAY -> {
					return alternate(driver, new Read("baseline-raw-select-" + EVENTS + "-replay", rawSelect),
							new Read("acp-join-history-" + EVENTS + "-replay", () -> counted(
									store.replay(threadId, null, EVENTS).map((replay) -> replay.events().size()))));
				}
				case REST -> {
					return alternate(driver,
							new Read("baseline-raw-select-" + EVENTS + "-rest-paged-" + PAGE,
									pagedRead(client,
											base + RawEventRoutes.EVENTS_PATH.replace("{threadId}", threadId))),
							new Read("acp-join-history-" + EVENTS + "-rest-paged-" + PAGE, restRead));
				}
				default -> {
					try (SocketIoOperation join = joinOperation(base, threadId)) {
						return alternate(driver, new Read("baseline-raw-select-" + EVENTS + "-replay", rawSelect),
								new Read("acp-join-history-" + EVENTS + "-rest-paged-" + PAGE, restRead),
								new Read("acp-socketio-join-replay-" + EVENTS,
										() -> join.call().thenApply(AcpJoinHistory::requireReplayed)));
					}
				}
			}
		}
	}

	/**
	 * Warm each read up, then measure them in alternating rounds, the baseline first.
	 */
	private static List<LatencyReport> alternate(LoadDriver driver, Read... reads) throws Exception {
		for (Read read : reads) {
			driver.run("warmup", READS / 2, read.operation());
		}
		return Rounds.alternate(Rounds.count(),
				Arrays.stream(reads)
					.map((read) -> new Measurement(read.name(), (name) -> driver.run(name, READS, read.operation())))
					.toArray(Measurement[]::new));
	}

	/**
	 * A socket of the official Java client, connected over WebSocket through the
	 * application's port, whose every call emits the {@code thread:join}.
	 */
	private static SocketIoOperation joinOperation(String base, String threadId) throws JSONException {
		JSONObject payload = new JSONObject(String.format(JOIN, threadId));
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setReconnection(false)
			.setTransports(new String[] { WebSocket.NAME })
			.build();
		return new SocketIoOperation(URI.create(base), options, "thread:join", () -> payload);
	}

	private static Object[] requireReplayed(Object[] ack) {
		JSONArray replayed = (ack.length > 0 && ack[0] instanceof JSONObject reply) ? reply.optJSONArray("replayed")
				: null;
		if (replayed == null || replayed.length() != EVENTS) {
			throw new IllegalStateException(
					"join answered " + Arrays.toString(ack) + ", expected " + EVENTS + " replayed events");
		}
		return ack;
	}

	private static CompletionStage<Integer> counted(Mono<Integer> read) {
		return read.map(AcpJoinHistory::requireAll).toFuture();
	}

	private static int requireAll(int count) {
		if (count != EVENTS) {
			throw new IllegalStateException("read " + count + " events, expected " + EVENTS);
		}
		return count;
	}

	/**
	 * Reads every page of {@code events}, {@value #PAGE} items at a time, following
	 * {@code next_cursor}.
	 */
	private static Operation pagedRead(HttpClient client, String events) {
		return () -> nextPage(client, events, null, 0).thenApply(AcpJoinHistory::requireAll);
	}

	private static CompletableFuture<Integer> nextPage(HttpClient client, String events, JsonNode cursor, int read) {
		String query = "?limit=" + PAGE
				+ ((cursor != null) ? "&cursor_created_at=" + encoded(cursor.get("created_at").asString())
						+ "&cursor_id=" + encoded(cursor.get("id").asString()) : "");
		return client
			.sendAsync(HttpRequest.newBuilder(URI.create(events + query)).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.thenCompose((response) -> {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
				}
				JsonNode page = mapper.readTree(response.body());
				int total = read + page.get("items").size();
				JsonNode next = page.get("next_cursor");
				return (next == null || next.isNull()) ? CompletableFuture.completedFuture(total)
						: nextPage(client, events, next, total);
			});
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What the scenario measures beside its baseline.
	 */
	private enum Subject {

		REPLAY, REST, SOCKET_IO

	}

	/**
	 * One read, named as in the report.
	 */
	private record Read(String name, Operation operation) {

	}

}
