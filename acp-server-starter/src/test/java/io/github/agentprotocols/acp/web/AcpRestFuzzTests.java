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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.acp.test.FuzzedRequest;
import io.github.agentprotocols.acp.wire.AcpJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Coverage-guided fuzzing of what a REST client sends: the JSON bodies of the five
 * endpoints that read one (new thread, thread patch, new member, message draft,
 * invocation), the query strings of the two listings and whole requests (method, path
 * with its ids, headers, body), each sent by alice (unless the request says otherwise), a
 * member of the target thread, through the application's routes on the in-memory store.
 * Every input is answered 2xx, or 4xx in the error shape of §3.5 with one of its codes;
 * never 5xx, never after more than the client's timeout. Bodies stay below
 * {@code acp.limits.max-body-size}, which Jazzer's input length never reaches (413 beyond
 * it is {@code AcpRestContractTests}').
 */
@SpringBootTest(classes = { AcpRestTestApplication.class, InMemoryAcpRestTests.FreshStore.class },
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class AcpRestFuzzTests {

	private static final Set<String> CODES = Set.of("unauthenticated", "forbidden", "not_found", "invalid_request",
			"idempotency_conflict");

	/**
	 * The callers with which the fixture's authenticator fails on purpose, as an
	 * application's may: not ACP's input handling.
	 */
	private static final Set<String> FIXTURE_FAILURES = Set.of("explode", "custom");

	/** Inputs each fuzz test sends to one thread before it takes a fresh one. */
	private static final int INPUTS_PER_THREAD = 100;

	/**
	 * Inputs after which the store starts empty again, so a campaign's memory is bounded.
	 */
	private static final int INPUTS_PER_STORE = 5_000;

	private static final Map<String, Target> targets = new ConcurrentHashMap<>();

	private static int inputs;

	@Autowired
	ApplicationContext context;

	@Autowired
	InMemoryAcpRestTests.FreshStore store;

	private @Nullable WebTestClient client;

	@FuzzTest
	void newThread(byte[] body) {
		check(HttpMethod.POST, "/threads", body);
	}

	@FuzzTest
	void threadPatch(byte[] body) {
		check(HttpMethod.PATCH, "/threads/" + thread("threadPatch"), body);
	}

	@FuzzTest
	void newMember(byte[] body) {
		check(HttpMethod.POST, "/threads/" + thread("newMember") + "/members", body);
	}

	@FuzzTest
	void messageDraft(byte[] body) {
		check(HttpMethod.POST, "/threads/" + thread("messageDraft") + "/messages", body);
	}

	@FuzzTest
	void invocation(byte[] body) {
		check(HttpMethod.POST, "/threads/" + thread("invocation") + "/invocations", body);
	}

	@FuzzTest
	void threadListQuery(byte[] query) {
		check(HttpMethod.GET, "/threads?" + FuzzedRequest.uriText(query), null);
	}

	@FuzzTest
	void eventListQuery(byte[] query) {
		check(HttpMethod.GET, "/threads/" + thread("eventListQuery") + "/events?" + FuzzedRequest.uriText(query), null);
	}

	/**
	 * A whole request: method, path (under the API's base path; {@code {thread}} stands
	 * for alice's thread), headers ({@code x-user} alice unless given, the fixture's
	 * failing callers aside) and body, as {@link FuzzedRequest} reads it.
	 */
	@FuzzTest
	void request(byte[] input) {
		FuzzedRequest request = FuzzedRequest.parse(input);
		String path = "/acp" + request.target().replace("%7Bthread%7D", thread("request"));
		WebTestClient.RequestBodySpec spec = client().method(HttpMethod.valueOf(request.method()))
			.uri(URI.create(path))
			.headers((headers) -> {
				headers.set("x-user", "alice");
				request.headers().forEach(headers::set);
				if (!isMediaType(headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
					headers.remove(HttpHeaders.CONTENT_TYPE);
				}
				if (FIXTURE_FAILURES.contains(headers.getFirst("x-user"))) {
					headers.set("x-user", "alice");
				}
			});
		if (request.body().length > 0) {
			spec.bodyValue(request.body());
		}
		EntityExchangeResult<byte[]> result = spec.exchange().expectBody().returnResult();
		check(request.toString(), result, !request.method().equals("HEAD"));
	}

	/**
	 * Whether the client can send a content type: WebTestClient parses it to pick the
	 * body's encoder (an unparseable one reaching the server is
	 * {@code AcpRestContractTests}').
	 */
	private static boolean isMediaType(@Nullable String value) {
		try {
			if (value != null) {
				MediaType.parseMediaType(value);
			}
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private void check(HttpMethod method, String path, byte @Nullable [] body) {
		check(method + " " + path + " " + ((body != null) ? text(body) : ""), exchange(method, path, body), true);
	}

	private static void check(String request, EntityExchangeResult<byte[]> result, boolean hasBody) {
		int status = result.getStatus().value();
		String answer = status + " " + text(result.getResponseBody());
		if (status >= 200 && status < 300) {
			if (result.getResponseBody() != null) {
				assertThat(AcpJson.mapper().readTree(result.getResponseBody()).isContainer())
					.as("%s -> %s", request, answer)
					.isTrue();
			}
			return;
		}
		if (status < 400 || status >= 500) {
			fail("%s -> %s", request, answer);
		}
		if (!hasBody) {
			return;
		}
		assertThat(result.getResponseHeaders().getContentType()).as("%s -> %s", request, answer)
			.isEqualTo(MediaType.APPLICATION_JSON);
		JsonNode error = AcpJson.mapper().readTree(result.getResponseBody());
		assertThat(error.path("detail").isString()).as("%s -> %s", request, answer).isTrue();
		assertThat(error.path("error").path("message").isString()).as("%s -> %s", request, answer).isTrue();
		assertThat(CODES).as("%s -> %s", request, answer).contains(error.path("error").path("code").asString());
	}

	private EntityExchangeResult<byte[]> exchange(HttpMethod method, String path, byte @Nullable [] body) {
		WebTestClient.RequestBodySpec request = client().method(method)
			.uri(URI.create("/acp" + path))
			.header("x-user", "alice");
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.exchange().expectBody().returnResult();
	}

	/**
	 * The thread a fuzz test sends to: alice's, with the assistant {@code helper} as a
	 * member, replaced every {@value #INPUTS_PER_THREAD} inputs (a patch may have moved
	 * it out of alice's sight); the store is emptied every {@value #INPUTS_PER_STORE}.
	 */
	private String thread(String test) {
		if (++inputs % INPUTS_PER_STORE == 0) {
			this.store.reset();
			targets.clear();
		}
		Target target = targets.get(test);
		if (target == null || target.inputs() >= INPUTS_PER_THREAD) {
			target = new Target(newThread(), 0);
		}
		targets.put(test, new Target(target.thread(), target.inputs() + 1));
		return target.thread();
	}

	private String newThread() {
		EntityExchangeResult<byte[]> created = exchange(HttpMethod.POST, "/threads",
				"{\"tenant\":{\"org\":\"A\"}}".getBytes(StandardCharsets.UTF_8));
		assertThat(created.getStatus().value()).isEqualTo(201);
		String thread = AcpJson.mapper().readTree(created.getResponseBody()).get("id").stringValue();
		EntityExchangeResult<byte[]> member = exchange(HttpMethod.POST, "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"helper\",\"name\":\"Helper\"}}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(member.getStatus().value()).isEqualTo(201);
		return thread;
	}

	private WebTestClient client() {
		if (this.client == null) {
			this.client = WebTestClient.bindToApplicationContext(this.context)
				.configureClient()
				.responseTimeout(Duration.ofSeconds(10))
				.build();
		}
		return this.client;
	}

	private static String text(byte @Nullable [] bytes) {
		if (bytes == null) {
			return "";
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

	private record Target(String thread, int inputs) {

	}

}
