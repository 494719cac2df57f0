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

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.web.AcpHttp.Reply;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 fuzzed REST requests on PostgreSQL (wrong types, unknown fields, huge and
 * malformed bodies, bad cursors, bad ids, foreign callers): none is answered with a 5xx,
 * every refusal is in the error shape of §3.5 with one of its codes, and the database
 * holds exactly what the accepted requests wrote, with each run they started executed to
 * completion. Request lines stay below the HTTP server's own limit (4 KiB), which the
 * server enforces before any application code.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@UsesPostgres
class PostgresRestFuzzTests {

	private static final int REQUESTS = 10_000;

	private static final long SEED = 20261122L;

	private static final Set<String> CODES = Set.of("unauthenticated", "forbidden", "not_found", "invalid_request",
			"idempotency_conflict");

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresRestFuzzTests.class);

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	RecordingBroadcastListener broadcasts;

	private final Random random = new Random(SEED);

	private AcpHttp http;

	private String thread;

	private int threadsCreated;

	private int messagesAppended;

	private int membersAdded;

	private int tenantChanges;

	private String tenant = "{\"org\":\"A\"}";

	@Test
	@SpecItem("ACP-10.53")
	void fuzzedRequestsAreRefusedIn4xxAndStoreNothing() {
		this.http = new AcpHttp(this.port);
		this.thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		this.http
			.post("alice", "/threads/" + this.thread + "/members",
					"{\"identity\":{\"role\":\"assistant\",\"id\":\"helper\",\"name\":\"Helper\"}}")
			.ok();
		long threads = count("threads");
		long events = count("events");
		long members = count("thread_members");
		long runsBefore = runsCreated();
		List<String> unexpected = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			Fuzzed request = next();
			Reply reply = request.send().get();
			if (reply.status() >= 200 && reply.status() < 300) {
				count(request, reply);
				continue;
			}
			if (reply.status() >= 500 || reply.status() < 400 || !hasErrorShape(reply)) {
				unexpected.add(request.description() + " -> " + reply);
			}
		}
		assertThat(unexpected).as("seed " + SEED).isEmpty();
		await().atMost(Duration.ofMinutes(2)).until(() -> countWhere("runs", "status IN ('pending', 'running')") == 0);
		assertThat(count("threads")).isEqualTo(threads + this.threadsCreated);
		assertThat(count("thread_members")).isEqualTo(members + this.threadsCreated + this.membersAdded);
		assertThat(countWhere("events", "run_id IS NULL"))
			.isEqualTo(events + this.threadsCreated + this.messagesAppended + this.membersAdded + this.tenantChanges);
		assertThat(countWhere("events", "type = 'thread.tenant_changed'")).isEqualTo(this.tenantChanges);
		assertThat(count("runs")).isEqualTo(runsCreated() - runsBefore);
		assertThat(countWhere("runs", "status = 'completed'")).isEqualTo(count("runs"));
		assertThat(countWhere("events", "run_id IS NOT NULL")).as("the six events of each helper run")
			.isEqualTo(6 * count("runs"));
	}

	private long runsCreated() {
		return this.broadcasts.runUpdates().stream().filter((run) -> run.status() == RunStatus.PENDING).count();
	}

	private void count(Fuzzed request, Reply reply) {
		if (request.method().equals("PATCH") && reply.status() == 200) {
			String tenant = reply.json().get("tenant").toString();
			if (!tenant.equals(this.tenant)) {
				this.tenantChanges++;
				this.tenant = tenant;
			}
		}
		if (request.method().equals("POST") && reply.status() == 201) {
			if (request.path().equals("/threads")) {
				this.threadsCreated++;
			}
			else if (request.path().endsWith("/messages")) {
				this.messagesAppended++;
			}
			else if (request.path().endsWith("/members")) {
				this.membersAdded++;
			}
		}
	}

	private static boolean hasErrorShape(Reply reply) {
		try {
			reply.assertErrorShape();
			return CODES.contains(reply.json().get("error").get("code").stringValue());
		}
		catch (AssertionError | RuntimeException ex) {
			return false;
		}
	}

	private long count(String table) {
		return countWhere(table, "true");
	}

	private long countWhere(String table, String condition) {
		return database.client()
			.sql("SELECT count(*) AS n FROM acp_" + table + " WHERE " + condition)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(30));
	}

	private Fuzzed next() {
		String user = pick("alice", "alice", "alice", "alice", "bob", "carol", null, "mallory");
		return switch (this.random.nextInt(12)) {
			case 0 -> json(user, "POST", "/threads", threadBody());
			case 1 -> json(user, "PATCH", threadPath(), threadBody());
			case 2 -> json(user, "POST", threadPath() + "/messages", draft());
			case 3 -> json(user, "POST", threadPath() + "/members", memberBody());
			case 4 -> json(user, "POST", threadPath() + "/invocations", invocationBody());
			case 5 -> json(user, "GET", "/threads" + listQuery(), null);
			case 6 -> json(user, "GET", threadPath() + "/events" + eventsQuery(), null);
			case 7 -> json(
					user, pick("GET", "DELETE", "PUT", "PATCH", "POST"), pick("/runs/" + id(),
							"/threads/" + id() + "/members/" + id(), "/" + id(), "/threads/" + id() + "/" + id()),
					null);
			case 8 -> raw(user, pick("POST", "PATCH"),
					pick("/threads", threadPath(), threadPath() + "/messages", threadPath() + "/invocations"));
			case 9 -> json(user, pick("GET", "DELETE"),
					pick("/threads/" + id(), "/runs/" + id(), threadPath() + "/members/" + id()), null);
			case 10 -> large(user);
			default -> json(user, "POST", threadPath() + "/messages", mutate(draft()));
		};
	}

	/** A request with a JSON body (or none). */
	private Fuzzed json(String user, String method, String path, String body) {
		String type = pick("application/json", "application/json", "application/json; charset=utf-8",
				"application/vnd.acp+json", "text/plain", "application/x-www-form-urlencoded", "nonsense");
		return new Fuzzed(method, path, method + " " + abbreviate(path) + " " + type + " " + abbreviate(body),
				() -> this.http.send(user, method, path, (body != null) ? type : null, body));
	}

	/** A body of random bytes, often not UTF-8. */
	private Fuzzed raw(String user, String method, String path) {
		byte[] bytes = new byte[this.random.nextInt(200)];
		this.random.nextBytes(bytes);
		if (bytes.length > 0 && this.random.nextBoolean()) {
			bytes[0] = '{';
		}
		return new Fuzzed(method, path, method + " " + path + " <" + bytes.length + " random bytes>", () -> this.http
			.send(user, method, path, "application/json", HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	/** A body over the 1 MiB limit, announced by its length or streamed without one. */
	private Fuzzed large(String user) {
		boolean chunked = this.random.nextBoolean();
		String body = "{\"metadata\":{\"x\":\"" + "y".repeat(1024 * 1024 + this.random.nextInt(1000)) + "\"}}";
		HttpRequest.BodyPublisher publisher = chunked ? unknownLength(body.getBytes(StandardCharsets.UTF_8))
				: HttpRequest.BodyPublishers.ofString(body);
		return new Fuzzed("POST", "/threads", "POST /threads <" + body.length() + " bytes, chunked " + chunked + ">",
				() -> this.http.send(user, "POST", "/threads", "application/json", publisher));
	}

	private static HttpRequest.BodyPublisher unknownLength(byte[] bytes) {
		return HttpRequest.BodyPublishers.fromPublisher(new Flow.Publisher<ByteBuffer>() {

			@Override
			public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
				JdkFlowAdapter
					.publisherToFlowPublisher(Flux.range(0, (bytes.length + 65535) / 65536)
						.map((i) -> ByteBuffer.wrap(bytes, i * 65536, Math.min(65536, bytes.length - i * 65536))))
					.subscribe(subscriber);
			}

		});
	}

	private String threadPath() {
		return "/threads/" + (this.random.nextInt(3) > 0 ? this.thread : id());
	}

	private String id() {
		return switch (this.random.nextInt(8)) {
			case 0 -> AcpHttp.encode(randomText(1 + this.random.nextInt(20)));
			case 1 -> "th_" + Long.toHexString(this.random.nextLong());
			case 2 -> "x".repeat(1 + this.random.nextInt(1500));
			case 3 -> "%00";
			case 4 -> AcpHttp.encode("../" + randomText(3));
			case 5 -> "run_" + java.util.UUID.randomUUID();
			default -> AcpHttp.encode("🧵" + randomText(2));
		};
	}

	private String threadBody() {
		return pick("{}", "{\"tenant\":{\"org\":\"A\"}}", "{\"tenant\":" + value() + "}",
				"{\"metadata\":" + value() + "}", "{\"tenant\":{\"org\":\"A\"},\"metadata\":" + value() + "}",
				"{\"tenant\":{" + manyKeys(9) + "}}", "{\"tenant\":{\"\":\"A\"}}",
				"{\"tenant\":{\"org\":\"" + "z".repeat(300) + "\"}}", "{\"title\":" + value() + "}", value(),
				"{\"metadata\":{\"x\":\"" + "m".repeat(70 * 1024) + "\"}}");
	}

	private String draft() {
		return pick("{\"content\":[{\"type\":\"text\",\"text\":" + value() + "}]}",
				"{\"client_id\":" + value() + ",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}",
				"{\"content\":[" + part() + "]}", "{\"content\":" + value() + "}",
				"{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"metadata\":" + value() + "}",
				"{\"content\":[" + (part() + ",").repeat(this.random.nextInt(70)) + part() + "]}",
				"{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"run_id\":\"run_x\"}", value());
	}

	private String part() {
		return pick("{\"type\":\"text\",\"text\":\"ok\"}", "{\"type\":" + value() + "}",
				"{\"type\":\"image\",\"url\":" + value() + ",\"mime\":\"image/png\"}",
				"{\"type\":\"audio\",\"url\":\"u\",\"mime\":\"a\",\"duration_ms\":" + value() + "}",
				"{\"type\":\"document\",\"url\":\"u\",\"mime\":\"m\",\"size\":-1}",
				"{\"type\":\"form\",\"form_id\":\"f\",\"schema\":" + value() + ",\"status\":" + value() + "}",
				"{\"type\":\"text\",\"text\":\"x\",\"extra\":" + value() + "}", value());
	}

	private String memberBody() {
		return pick("{\"identity\":" + value() + "}",
				"{\"identity\":{\"role\":" + value() + ",\"id\":\"u1\",\"name\":\"n\"}}",
				"{\"identity\":{\"role\":\"user\",\"id\":" + value() + "}}",
				"{\"identity\":{\"role\":\"user\",\"id\":\"u" + this.random.nextInt(50) + "\"},\"role\":" + value()
						+ "}",
				"{\"identity\":{\"role\":\"user\",\"id\":\"" + "i".repeat(257) + "\"}}",
				"{\"identity\":{\"role\":\"user\",\"id\":\"u2\",\"extra\":1}}", "{\"role\":\"member\"}", value());
	}

	private String invocationBody() {
		return pick("{\"assistant_ids\":" + value() + "}",
				"{\"assistant_ids\":[\"helper\"],\"options\":" + value() + "}",
				"{\"assistant_ids\":[\"helper\"],\"idempotency_key\":" + value() + "}",
				"{\"assistant_ids\":[" + "\"a\",".repeat(17) + "\"b\"]}", "{\"assistant_ids\":[\"nope\"]}",
				"{\"assistant_ids\":[\"helper\",\"helper\"]}",
				"{\"assistant_ids\":[\"helper\"],\"idempotency_key\":\"" + "k".repeat(256) + "\"}", value());
	}

	private String listQuery() {
		return pick("", "?limit=" + number(), "?cursor_id=" + id(), "?cursor_created_at=" + timestamp(),
				"?cursor_created_at=" + timestamp() + "&cursor_id=" + id(), "?limit=" + AcpHttp.encode(randomText(3)),
				"?limit=2&limit=999");
	}

	private String eventsQuery() {
		return pick("", "?limit=" + number(), "?order=" + AcpHttp.encode(randomText(4)), "?order=desc",
				"?types=" + AcpHttp.encode(pick("message", "message,,reasoning", "run.*", randomText(5), "")),
				"?cursor_created_at=" + timestamp() + "&cursor_id=" + id() + "&order=" + pick("asc", "desc"));
	}

	private String timestamp() {
		return AcpHttp.encode(pick("2026-04-12T10:15:30.123456Z", "2026-04-12T10:15:30+02:00", "0000-01-01T00:00:00Z",
				"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+100000-01-01T00:00:00Z",
				"-4713-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "yesterday", "",
				"2026-04-12 10:15:30Z", "2026-04-12T10:15:30.1234567891Z", "2026-04-12T24:00:00Z"));
	}

	private String number() {
		return pick("0", "1", "-1", "200", "201", "500", "501", "99999999999999999999", "1.5", "1e3", "NaN", "");
	}

	/** Any JSON value, or a near miss. */
	private String value() {
		return switch (this.random.nextInt(16)) {
			case 0 -> "null";
			case 1 -> "true";
			case 2 -> String.valueOf(this.random.nextLong());
			case 3 -> "1e400";
			case 4 -> "-0.0";
			case 5 -> "\"" + randomText(this.random.nextInt(30)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			case 6 -> "\"nul\\u0000\"";
			case 7 -> "[" + "[".repeat(this.random.nextInt(3000)) + "]";
			case 8 -> "{\"a\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201);
			case 9 -> "{\"k\\u0000\":1}";
			case 10 -> "NaN";
			case 11 -> "{\"a\":1,}";
			case 12 -> "\"\\ud800\"";
			case 13 -> "1" + "0".repeat(2000);
			case 14 -> "{}";
			default -> "[]";
		};
	}

	private String mutate(String json) {
		if (json.isEmpty()) {
			return json;
		}
		StringBuilder mutated = new StringBuilder(json);
		for (int i = 0; i < 1 + this.random.nextInt(3); i++) {
			int at = this.random.nextInt(mutated.length());
			switch (this.random.nextInt(3)) {
				case 0 -> mutated.deleteCharAt(at);
				case 1 -> mutated.insert(at, pick("{", "}", "[", "]", ",", ":", "\"", "\\", "0"));
				default -> mutated.setLength(at);
			}
			if (mutated.isEmpty()) {
				break;
			}
		}
		return mutated.toString();
	}

	private String manyKeys(int count) {
		StringBuilder keys = new StringBuilder();
		for (int i = 0; i < count; i++) {
			keys.append((i > 0) ? "," : "").append("\"k").append(i).append("\":\"v\"");
		}
		return keys.toString();
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(pick(() -> 32 + this.random.nextInt(95), () -> this.random.nextInt(0x3000),
					() -> 0x1F300 + this.random.nextInt(200)));
		}
		return text.toString();
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	@SafeVarargs
	private int pick(Supplier<Integer>... choices) {
		return choices[this.random.nextInt(choices.length)].get();
	}

	private static String abbreviate(String text) {
		return (text == null || text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

	private record Fuzzed(String method, String path, String description, Supplier<Reply> send) {

	}

}
