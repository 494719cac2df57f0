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

package io.github.agentprotocols.hpp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fires 10,000 randomized malformed requests at every endpoint (bad JSON, wrong types,
 * huge and deeply nested bodies, odd Unicode keys, NaN, missing fields, odd tokens and
 * query strings) plus junk WebSocket frames. No request may get a 5xx or a body that is
 * not the protocol's error shape, and a session with user-owned fields must come out
 * unchanged and readable. The seed is fixed so failures reproduce.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.rate-limit-per-minute=1000000", "hpp.extend-rate-limit-per-minute=1000000",
				"hpp.limits.max-failed-tokens-per-minute=0" })
@SpecItem("HPP-12.34")
@SpecItem("HPP-A6")
class HandshakeFuzzTests extends RunningServerTests {

	private static final int REQUESTS = 10_000;

	private static final String[] KEYS = { "name", "age", "price", "dept", "when", "tags", "", "\u0000", "é",
			"\uD83D\uDE00", "\u202Eevil", "a\"b", "\\", "k".repeat(300), "__proto__", "constructor", "日本語" };

	private static final String[] VALUES = { "NaN", "Infinity", "-Infinity", "1e999", "-0", "0.1", "1e2",
			"123456789012345678901234567890", "true", "null", "\"\"", "\"x\"", "[]", "{}", "[1,[2,[3]]]",
			"{\"a\":{\"b\":null}}", "\"\\ud800\"", "\"\\u0000\"", "\"2026-02-30 10:00:00\"", "\"2026-06-15T10:00:00Z\"",
			"01", "+1", ".5", "'single'", "undefined", "\"" + "x".repeat(70_000) + "\"" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8", "text/plain",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "*/*",
			"garbage/!!" };

	@Test
	void malformedRequestsNeverBreakTheServer() throws Exception {
		Session guard = create("{\"mode\":\"form-fill\",\"schema\":[{\"key\":\"name\",\"type\":\"string\","
				+ "\"required\":true}],\"context\":{\"name\":\"Bob\",\"age\":41}}");
		List<Session> targets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			targets.add(create("{\"mode\":\"form-fill\",\"schema\":" + HandshakeProtocolTests.CHECKLIST_SCHEMA
					+ ",\"context\":{\"name\":\"Bob\"}}"));
		}
		Random random = new Random(20260615L);
		Semaphore inFlight = new Semaphore(32);
		Map<String, String> failures = new ConcurrentHashMap<>();
		AtomicInteger answered = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + guard.sid() + "?token=" + guard.token())) {
			for (int i = 0; i < REQUESTS; i++) {
				Session target = (i % 7 == 0) ? guard : targets.get(random.nextInt(targets.size()));
				HttpRequest request = randomRequest(random, http.base(), target, target == guard);
				inFlight.acquire();
				pending.add(http.client()
					.sendAsync(request, HttpResponse.BodyHandlers.ofString())
					.whenComplete((response, ex) -> {
						inFlight.release();
						answered.incrementAndGet();
						String problem = check(response, ex);
						if (problem != null) {
							failures.putIfAbsent(request.method() + " " + request.uri(), problem);
						}
					}));
				if (i % 20 == 0) {
					// junk frames within the 64 KiB frame limit; user edits would
					// legitimately change the guard
					String frame = randomBody(random);
					ws.send((frame.contains("userEdit") || frame.length() > 60_000) ? "{\"type\":\"ping\"}" : frame);
				}
			}
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
			assertThat(ws.isOpen()).isTrue();
		}
		assertThat(failures).isEmpty();
		assertThat(answered).hasValue(REQUESTS);
		JsonNode context = http.get("/handshake/context/" + guard.sid(), guard.token()).json();
		HandshakeProtocolTests.assertField(context, "name", "\"Bob\"", "user");
		HandshakeProtocolTests.assertField(context, "age", "41", "user");
		for (Session target : targets) {
			assertThat(http.get("/handshake/context/" + target.sid(), target.token()).status()).isEqualTo(200);
			assertThat(http.get("/handshake/diff/" + target.sid(), target.token()).status()).isEqualTo(200);
		}
	}

	private static String check(HttpResponse<String> response, Throwable ex) {
		if (ex != null) {
			return "no response: " + ex;
		}
		if (response.statusCode() >= 500) {
			return response.statusCode() + " " + response.body();
		}
		if (response.statusCode() >= 400) {
			try {
				JsonNode body = HttpProbe.json.readTree(response.body());
				if (!body.isObject() || body.size() != 1 || !body.path("error").isString()) {
					return "bad error body: " + response.body();
				}
			}
			catch (RuntimeException parse) {
				return "error body is not JSON: " + response.statusCode() + " " + response.body();
			}
		}
		return null;
	}

	private HttpRequest randomRequest(Random random, String base, Session target, boolean agentOnly) {
		String sid = switch (random.nextInt(10)) {
			case 0 -> "ffffffffffffffffffffffffffffffff";
			case 1 -> HttpProbe.encode("é\uD83D\uDE00");
			default -> target.sid();
		};
		String token = switch (random.nextInt(8)) {
			case 0 -> null;
			case 1 -> "";
			case 2 -> "wrong";
			case 3 -> "t\u00f6k\u00e9n";
			default -> target.token();
		};
		int endpoint = agentOnly ? 1 + random.nextInt(4) : random.nextInt(6);
		String path = switch (endpoint) {
			case 0 -> "/handshake/session";
			case 1 -> "/handshake/context/" + sid;
			case 2 -> "/handshake/action/" + sid;
			case 3 -> "/handshake/diff/" + sid + "?since=" + HttpProbe.encode(randomSince(random));
			case 4 -> "/handshake/session/" + sid + "/extend";
			default -> "/handshake/notify/" + sid;
		};
		if (random.nextInt(10) == 0 && token != null && !token.isEmpty()) {
			path += (path.contains("?") ? "&" : "?") + "token=" + HttpProbe.encode(token);
			token = null;
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("X-Handshake-Token", token);
		}
		if (endpoint == 1 || endpoint == 3) {
			return request.GET().build();
		}
		request.header("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
		byte[] body = (random.nextInt(400) == 0) ? ("{\"actions\":\"" + "x".repeat(1_100_000) + "\"}").getBytes()
				: randomBody(random).getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(30) == 0) {
			body = randomBytes(random);
		}
		return request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
	}

	private static String randomSince(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> "";
			case 1 -> "2026-06-15T10:00:00.000000+00:00";
			case 2 -> "2026-06-15 10:00:00 08:00";
			case 3 -> "not a date";
			case 4 -> "9999999999-01-01T00:00:00Z";
			default -> "\uD83D\uDE00";
		};
	}

	private static String randomBody(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> "";
			case 1 -> "{";
			case 2 -> "[1]";
			case 3 -> "5";
			case 4 -> "\"str\"";
			case 5 -> "[".repeat(3000) + "]".repeat(3000);
			case 6 -> "{\"a\":".repeat(600) + "1" + "}".repeat(600);
			case 7 -> "{\"actions\":" + randomValue(random) + ",\"stream\":" + randomValue(random) + ",\"intervalMs\":"
					+ randomValue(random) + "}";
			case 8 -> "{\"key\":" + randomValue(random) + ",\"value\":" + randomValue(random) + "}";
			case 9 -> "{\"extraSeconds\":" + randomValue(random) + "}";
			case 10 -> "{\"mode\":" + randomValue(random) + ",\"schema\":" + randomSchema(random) + ",\"context\":"
					+ randomValue(random) + ",\"meta\":" + randomValue(random) + "}";
			case 11 -> "{\"type\":\"userEdit\",\"key\":" + quoted(randomKey(random)) + ",\"value\":"
					+ randomValue(random) + "}";
			case 12 -> "{\"a\":1,\"a\":2,\"actions\":[],\"actions\":[" + randomAction(random) + "]}";
			default -> {
				List<String> actions = new ArrayList<>();
				for (int i = random.nextInt(12); i > 0; i--) {
					actions.add(randomAction(random));
				}
				yield "{\"actions\":[" + String.join(",", actions) + "],\"intervalMs\":0}";
			}
		};
	}

	private static String randomAction(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> randomValue(random);
			case 1 -> "{\"type\":" + randomValue(random) + ",\"key\":" + quoted(randomKey(random)) + "}";
			case 2 -> "{\"type\":\"set\",\"key\":" + randomValue(random) + ",\"value\":1}";
			default ->
				"{\"type\":\"set\",\"key\":" + quoted(randomKey(random)) + ",\"value\":" + randomValue(random) + "}";
		};
	}

	private static String randomSchema(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> randomValue(random);
			case 1 -> "[{\"key\":" + randomValue(random) + ",\"type\":" + randomValue(random) + ",\"required\":"
					+ randomValue(random) + "}]";
			case 2 -> "[{\"key\":\"e\",\"type\":\"enum\",\"options\":" + randomValue(random) + "}]";
			default -> HandshakeProtocolTests.CHECKLIST_SCHEMA;
		};
	}

	private static String randomValue(Random random) {
		return VALUES[random.nextInt(VALUES.length)];
	}

	private static String randomKey(Random random) {
		return KEYS[random.nextInt(KEYS.length)];
	}

	private static String quoted(String key) {
		return HttpProbe.json.writeValueAsString(key);
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(200)];
		random.nextBytes(bytes);
		return bytes;
	}

}
