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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.testsupport.RecordingSocket.Received;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.SpecItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every cross-tenant probe, twice and in random order, over REST and Socket.IO (the Java
 * {@code socket.io-client} over WebSocket through the bridge), each a caller acting on a
 * thread, an event cursor or a run of a thread it is not a member of, in another tenant
 * (404 {@code not_found}) or in a wider tenant it sees (403 {@code forbidden}): every
 * answer is that refusal in the error shape of §3.5, listings show only what the tenant
 * rule lets the caller see, no answer and no socket payload holds an id or a content
 * marker of any thread the caller is not a member of, and nothing the probes tried
 * changed or broadcast anything. The owners keep posting to their own threads meanwhile,
 * so that a socket let into a foreign room would receive something.
 * <p>
 * The order of the probes is drawn from a {@link Random} whose seed is printed and can be
 * set with the system property {@value #SEED_PROPERTY}. The run timeout is an hour, so
 * that the {@code slow} runs keep running however long the probes take.
 */
@TestPropertySource(properties = "acp.run-timeout=1h")
abstract class CrossTenantProbeContractTests {

	static final String SEED_PROPERTY = "acp.probe.seed";

	/** How many times each probe is tried. */
	private static final int ROUNDS = 2;

	/** One probe in this many is a legitimate post of an owner to a thread of its own. */
	private static final int LEGITIMATE_EVERY = 40;

	private static final int WORKERS = 4;

	private static final List<String> ORGS = List.of("acme", "bolt", "cove");

	private static final Map<String, Identity> users = users();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	private final Map<String, TestSocket> sockets = new LinkedHashMap<>();

	private final List<Victim> threads = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.values().forEach(TestSocket::close);
	}

	@Test
	@SpecItem("ACP-10.10")
	@SpecItem("ACP-10.39")
	void randomCrossTenantProbesLeakNothingAndChangeNothing() throws Exception {
		long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
		System.out.println("Cross-tenant probes with -D" + SEED_PROPERTY + "=" + seed);
		setUpThreads();
		for (String user : users.keySet()) {
			TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, "websocket", user).connected();
			this.sockets.put(user, socket);
			for (Victim thread : this.threads) {
				if (thread.members().contains(user)) {
					assertThat(socket.emit("thread:join", "{\"thread_id\":\"" + thread.id() + "\"}").has("error"))
						.isFalse();
				}
			}
		}
		Map<String, Snapshot> before = snapshots();
		List<Probe> probes = probes(new Random(seed));
		List<String> failures = run(probes);
		assertThat(failures).as("seed " + seed + ", " + failures.size() + " failed probes").isEmpty();
		assertThat(leaks(probes)).as("seed " + seed).isEmpty();
		assertSocketsReceivedOnlyTheOwnersPosts(seed);
		assertUnchangedButForTheOwnersPosts(before, seed);
		cancelSlowRuns();
	}

	private void setUpThreads() {
		for (String org : ORGS) {
			this.threads.add(victim(org + "-1", Map.of("org", org)));
			this.threads.add(victim(org + "-1", Map.of("org", org, "ws", "w1")));
			this.threads.add(victim(org + "-2", Map.of("org", org, "ws", "w2")));
		}
		for (Victim thread : this.threads) {
			String echo = firstRun(call("POST", thread.owner(), "/threads/" + thread.id() + "/invocations",
					"{\"assistant_ids\":[\"echo\"]}", 201));
			String slow = firstRun(call("POST", thread.owner(), "/threads/" + thread.id() + "/invocations",
					"{\"assistant_ids\":[\"slow\"]}", 201));
			thread.runs().addAll(List.of(echo, slow));
			awaitRun(thread.owner(), echo, "completed");
			awaitRun(thread.owner(), slow, "running");
			for (JsonNode event : call("GET", thread.owner(), "/threads/" + thread.id() + "/events?limit=200", null,
					200)
				.get("items")) {
				thread.contentSecrets().add(event.get("id").stringValue());
			}
			thread.contentSecrets().addAll(thread.runs());
		}
	}

	private Victim victim(String owner, Map<String, String> tenant) {
		String marker = marker();
		String id = call("POST", owner, "/threads",
				"{\"tenant\":" + AcpJson.write(tenant) + ",\"metadata\":{\"secret\":\"" + marker + "\"}}", 201)
			.get("id")
			.stringValue();
		for (String assistant : List.of("echo", "slow")) {
			call("POST", owner, "/threads/" + id + "/members", "{\"identity\":{\"role\":\"assistant\",\"id\":\""
					+ assistant + "\",\"name\":\"" + assistant + "\"}}", 201);
		}
		Set<String> contentSecrets = ConcurrentHashMap.newKeySet();
		JsonNode first = post(owner, id, contentSecrets);
		post(owner, id, contentSecrets);
		post(owner, id, contentSecrets);
		return new Victim(id, owner, TenantScope.of(tenant), Set.of(owner), Set.of(id, marker), contentSecrets,
				SocketIoContractTests.cursor(first), new ArrayList<>(), ConcurrentHashMap.newKeySet());
	}

	/**
	 * The owner posts a message whose text and client id are new markers, which become
	 * secrets of the thread with the event's id.
	 */
	private JsonNode post(String owner, String threadId, Set<String> contentSecrets) {
		String text = marker();
		String clientId = marker();
		contentSecrets.addAll(List.of(text, clientId));
		JsonNode event = call("POST", owner, "/threads/" + threadId + "/messages",
				"{\"client_id\":\"" + clientId + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}",
				201);
		contentSecrets.add(event.get("id").stringValue());
		return event;
	}

	private static String firstRun(JsonNode invocation) {
		return invocation.get("runs").get(0).get("id").stringValue();
	}

	private void awaitRun(String user, String run, String status) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> call("GET", user, "/runs/" + run, null, 200).get("status").stringValue().equals(status));
	}

	/**
	 * Every probe there is, {@value #ROUNDS} times, each round in an order drawn from the
	 * seed: each caller tries each operation on each thread it is not a member of, an
	 * operation on a run on each of the thread's runs; one probe in
	 * {@value #LEGITIMATE_EVERY} is an owner's post instead, and each owner posts to each
	 * of its threads once more at the end, so that a socket that entered a foreign room
	 * at any point receives something.
	 */
	private List<Probe> probes(Random random) {
		List<Probe> probes = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			List<Probe> space = space(random);
			Collections.shuffle(space, random);
			for (Probe probe : space) {
				if (probes.size() % LEGITIMATE_EVERY == LEGITIMATE_EVERY - 1) {
					Victim thread = this.threads.get(random.nextInt(this.threads.size()));
					probes.add(new Probe(Operation.OWNER_POST, thread.owner(), thread, null));
				}
				probes.add(probe);
			}
		}
		this.threads.forEach((thread) -> probes.add(new Probe(Operation.OWNER_POST, thread.owner(), thread, null)));
		return probes;
	}

	private List<Probe> space(Random random) {
		List<Probe> space = new ArrayList<>();
		for (String caller : users.keySet()) {
			for (Victim target : this.threads) {
				if (target.members().contains(caller)) {
					continue;
				}
				for (Operation operation : Operation.PROBES) {
					List<String> runs = Operation.ON_A_RUN.contains(operation) ? target.runs()
							: List.of(target.runs().get(random.nextInt(target.runs().size())));
					runs.forEach((run) -> space.add(new Probe(operation, caller, target, run)));
				}
			}
		}
		return space;
	}

	/**
	 * Runs the probes on a few workers and answers what went other than expected.
	 */
	private List<String> run(List<Probe> probes) throws InterruptedException, ExecutionException {
		long started = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		try {
			List<Future<@Nullable String>> outcomes = new ArrayList<>();
			for (Probe probe : probes) {
				outcomes.add(workers.submit(() -> probe(probe)));
			}
			List<String> failures = new ArrayList<>();
			for (Future<@Nullable String> outcome : outcomes) {
				String failure = outcome.get();
				if (failure != null) {
					failures.add(failure);
				}
			}
			System.out.println(
					probes.size() + " cross-tenant probes in " + (System.nanoTime() - started) / 1_000_000 + " ms");
			return failures;
		}
		finally {
			workers.shutdownNow();
		}
	}

	private @Nullable String probe(Probe probe) {
		Victim thread = probe.thread();
		String path = "/threads/" + thread.id();
		String expected = thread.tenant().isVisibleTo(tenantOf(probe.caller())) ? "forbidden" : "not_found";
		String run = "/runs/" + probe.run();
		return switch (probe.operation()) {
			case OWNER_POST -> {
				thread.posted().add(post(thread.owner(), thread.id(), thread.contentSecrets()).get("id").stringValue());
				yield null;
			}
			case GET_THREAD -> refused(probe, "GET", path, null, expected);
			case PATCH_METADATA -> refused(probe, "PATCH", path, "{\"metadata\":{\"x\":\"changed\"}}", expected);
			case PATCH_TENANT -> refused(probe, "PATCH", path,
					"{\"tenant\":" + AcpJson.write(tenantOf(probe.caller()).entries()) + "}", expected);
			case DELETE_THREAD -> refused(probe, "DELETE", path, null, expected);
			case GET_EVENTS -> refused(probe, "GET", path + "/events?order=desc", null, expected);
			case GET_EVENTS_AFTER_CURSOR -> refused(probe, "GET",
					path + "/events?cursor_created_at=" + AcpJson.parse(thread.cursor()).get("created_at").stringValue()
							+ "&cursor_id=" + AcpJson.parse(thread.cursor()).get("id").stringValue(),
					null, expected);
			case GET_MEMBERS -> refused(probe, "GET", path + "/members", null, expected);
			case ADD_MEMBER -> refused(probe, "POST", path + "/members", "{\"identity\":{\"role\":\"user\",\"id\":\""
					+ probe.caller() + "\",\"name\":\"" + probe.caller() + "\"}}", expected);
			case REMOVE_MEMBER -> refused(probe, "DELETE", path + "/members/" + thread.owner(), null, expected);
			case POST_MESSAGE -> refused(probe, "POST", path + "/messages",
					"{\"content\":[{\"type\":\"text\",\"text\":\"probe\"}]}", expected);
			case INVOKE -> refused(probe, "POST", path + "/invocations", "{\"assistant_ids\":[\"echo\"]}", expected);
			case GET_RUN -> refused(probe, "GET", run, null, expected);
			case CANCEL_RUN -> refused(probe, "DELETE", run, null, expected);
			case LIST_THREADS -> listing(probe);
			case JOIN -> refusedOverSocket(probe, "thread:join", "{\"thread_id\":\"" + thread.id() + "\"}", expected);
			case JOIN_SINCE -> refusedOverSocket(probe, "thread:join",
					"{\"thread_id\":\"" + thread.id() + "\",\"since\":" + thread.cursor() + "}", expected);
			case SEND -> refusedOverSocket(probe, "message:send", "{\"thread_id\":\"" + thread.id()
					+ "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"probe\"}]}}", expected);
			case SOCKET_INVOKE -> refusedOverSocket(probe, "assistant:invoke",
					"{\"thread_id\":\"" + thread.id() + "\",\"assistant_ids\":[\"echo\"]}", expected);
			case SOCKET_CANCEL ->
				refusedOverSocket(probe, "run:cancel", "{\"run_id\":\"" + probe.run() + "\"}", expected);
			case LEAVE -> leave(probe);
		};
	}

	private @Nullable String refused(Probe probe, String method, String path, @Nullable String body, String code) {
		Reply reply = send(method, probe.caller(), path, body);
		probe.answered(method + " " + path + " " + body, reply.body(), false);
		int status = code.equals("forbidden") ? 403 : 404;
		JsonNode json = parse(reply.body());
		if (reply.status() != status || json == null || !json.path("detail").isString()
				|| !json.path("error").path("code").asString("").equals(code)
				|| !json.path("error").path("message").isString()) {
			return probe + ": expected " + status + " " + code + ", answered " + reply;
		}
		return null;
	}

	private @Nullable String refusedOverSocket(Probe probe, String event, String payload, String code) {
		JsonNode ack = this.sockets.get(probe.caller()).emit(event, payload);
		probe.answered(event + " " + payload, ack.toString(), false);
		JsonNode error = ack.path("error");
		if (ack.size() != 1 || !error.path("code").asString("").equals(code) || !error.path("message").isString()) {
			return probe + ": expected ack error " + code + ", answered " + ack;
		}
		return null;
	}

	private @Nullable String listing(Probe probe) {
		Reply reply = send("GET", probe.caller(), "/threads?limit=200", null);
		probe.answered("GET /threads", reply.body(), true);
		JsonNode json = parse(reply.body());
		Set<String> visible = this.threads.stream()
			.filter((thread) -> thread.tenant().isVisibleTo(tenantOf(probe.caller())))
			.map(Victim::id)
			.collect(Collectors.toSet());
		Set<String> listed = new HashSet<>();
		if (json != null) {
			json.path("items").forEach((item) -> listed.add(item.path("id").asString("")));
		}
		if (reply.status() != 200 || !listed.equals(visible)) {
			return probe + ": expected the visible threads " + visible + ", answered " + reply;
		}
		return null;
	}

	private @Nullable String leave(Probe probe) {
		String payload = "{\"thread_id\":\"" + probe.thread().id() + "\"}";
		JsonNode ack = this.sockets.get(probe.caller()).emit("thread:leave", payload);
		probe.answered("thread:leave " + payload, ack.toString(), false);
		JsonNode expected = AcpJson.parse("{\"thread_id\":\"" + probe.thread().id() + "\",\"left\":true}");
		return ack.equals(expected) ? null : probe + ": expected " + expected + ", answered " + ack;
	}

	/**
	 * The answers holding an id or a marker of a thread the caller is not a member of,
	 * other than what its own request held and, in a listing, the id and metadata of a
	 * thread the tenant rule lets it see.
	 */
	private List<String> leaks(List<Probe> probes) {
		List<String> leaks = new ArrayList<>();
		Map<String, Set<String>> hidden = new ConcurrentHashMap<>();
		for (Probe probe : probes) {
			if (probe.operation() == Operation.OWNER_POST) {
				continue;
			}
			for (String secret : hidden.computeIfAbsent(probe.caller() + ":" + probe.listing(),
					(key) -> secretsHiddenFrom(probe.caller(), probe.listing()))) {
				if (probe.answer().contains(secret) && !probe.request().contains(secret)) {
					leaks.add(probe + " answered " + secret + ": " + probe.answer());
				}
			}
		}
		return leaks;
	}

	private Set<String> secretsHiddenFrom(String user, boolean listing) {
		Set<String> secrets = new HashSet<>();
		for (Victim thread : this.threads) {
			if (!thread.members().contains(user)) {
				secrets.addAll(thread.contentSecrets());
				if (!listing || !thread.tenant().isVisibleTo(tenantOf(user))) {
					secrets.addAll(thread.threadSecrets());
				}
			}
		}
		return secrets;
	}

	/**
	 * Every socket received the owners' posts to its own threads and nothing else: the
	 * probes broadcast nothing, and no foreign payload reached anyone.
	 */
	private void assertSocketsReceivedOnlyTheOwnersPosts(long seed) {
		this.sockets.forEach((user, socket) -> {
			socket.sync();
			Set<String> expected = this.threads.stream()
				.filter((thread) -> thread.members().contains(user))
				.flatMap((thread) -> thread.posted().stream())
				.collect(Collectors.toSet());
			List<Received> received = socket.received();
			Set<String> hidden = secretsHiddenFrom(user, false);
			for (Received event : received) {
				String payload = event.data().toString();
				assertThat(hidden.stream().filter(payload::contains)).as("seed %d: %s received %s", seed, user, payload)
					.isEmpty();
			}
			assertThat(received).as("seed %d: what %s's socket received", seed, user)
				.allSatisfy((event) -> assertThat(event.event()).isEqualTo("event"));
			assertThat(received.stream().map((event) -> event.data().get("id").stringValue()))
				.as("seed %d: the events %s's socket received", seed, user)
				.containsExactlyInAnyOrderElementsOf(expected);
		});
	}

	private void assertUnchangedButForTheOwnersPosts(Map<String, Snapshot> before, long seed) {
		Map<String, Snapshot> after = snapshots();
		for (Victim thread : this.threads) {
			Snapshot was = before.get(thread.id());
			Snapshot is = after.get(thread.id());
			assertThat(is.thread()).as("seed %d", seed).isEqualTo(was.thread());
			assertThat(is.members()).as("seed %d", seed).isEqualTo(was.members());
			assertThat(is.runs()).as("seed %d", seed).isEqualTo(was.runs());
			assertThat(is.events().subList(0, was.events().size())).as("seed %d", seed).isEqualTo(was.events());
			assertThat(is.events()
				.subList(was.events().size(), is.events().size())
				.stream()
				.map((event) -> event.get("id").stringValue())).as("seed %d", seed)
				.containsExactlyInAnyOrderElementsOf(thread.posted());
		}
	}

	private Map<String, Snapshot> snapshots() {
		Map<String, Snapshot> snapshots = new LinkedHashMap<>();
		for (Victim thread : this.threads) {
			String path = "/threads/" + thread.id();
			List<JsonNode> events = new ArrayList<>();
			call("GET", thread.owner(), path + "/events?limit=200", null, 200).get("items").forEach(events::add);
			List<JsonNode> runs = thread.runs()
				.stream()
				.map((run) -> call("GET", thread.owner(), "/runs/" + run, null, 200))
				.toList();
			snapshots.put(thread.id(), new Snapshot(call("GET", thread.owner(), path, null, 200),
					call("GET", thread.owner(), path + "/members", null, 200), events, runs));
		}
		return snapshots;
	}

	private void cancelSlowRuns() {
		for (Victim thread : this.threads) {
			call("DELETE", thread.owner(), "/runs/" + thread.runs().get(1), null, 204);
		}
	}

	private JsonNode call(String method, String user, String path, @Nullable String body, int status) {
		Reply reply = send(method, user, path, body);
		assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(status);
		JsonNode json = parse(reply.body());
		return (json != null) ? json : AcpJson.parse("{}");
	}

	private Reply send(String method, String user, String path, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/acp" + path))
			.timeout(Duration.ofSeconds(30))
			.header("x-user", user);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable JsonNode parse(String body) {
		if (body.isEmpty()) {
			return null;
		}
		try {
			return AcpJson.parse(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String marker() {
		return "mk" + UUID.randomUUID().toString().replace("-", "");
	}

	private static TenantScope tenantOf(String user) {
		return users.get(user).tenant();
	}

	private static Map<String, Identity> users() {
		Map<String, Identity> users = new LinkedHashMap<>();
		for (String org : ORGS) {
			for (int ws = 1; ws <= 2; ws++) {
				String id = org + "-" + ws;
				users.put(id,
						new Identity(IdentityRole.USER, id, id, Map.of("tenant", Map.of("org", org, "ws", "w" + ws))));
			}
		}
		return Collections.unmodifiableMap(users);
	}

	/**
	 * What a probe does.
	 */
	enum Operation {

		OWNER_POST, GET_THREAD, PATCH_METADATA, PATCH_TENANT, DELETE_THREAD, GET_EVENTS, GET_EVENTS_AFTER_CURSOR,
		GET_MEMBERS, ADD_MEMBER, REMOVE_MEMBER, POST_MESSAGE, INVOKE, GET_RUN, CANCEL_RUN, LIST_THREADS, JOIN,
		JOIN_SINCE, SEND, SOCKET_INVOKE, SOCKET_CANCEL, LEAVE;

		/** The operations a caller tries on a foreign thread. */
		static final List<Operation> PROBES = List.of(values()).subList(1, values().length);

		/** The operations on a run, which a caller tries on each of a thread's runs. */
		static final Set<Operation> ON_A_RUN = Set.of(GET_RUN, CANCEL_RUN, SOCKET_CANCEL);

	}

	/**
	 * One probe: a caller, what it tries and on which thread and run; what it sent and
	 * was answered once run.
	 */
	static final class Probe {

		private final Operation operation;

		private final String caller;

		private final Victim thread;

		private final @Nullable String run;

		private volatile String request = "";

		private volatile String answer = "";

		private volatile boolean listing;

		Probe(Operation operation, String caller, Victim thread, @Nullable String run) {
			this.operation = operation;
			this.caller = caller;
			this.thread = thread;
			this.run = run;
		}

		void answered(String request, String answer, boolean listing) {
			this.request = request;
			this.answer = answer;
			this.listing = listing;
		}

		Operation operation() {
			return this.operation;
		}

		String caller() {
			return this.caller;
		}

		Victim thread() {
			return this.thread;
		}

		@Nullable String run() {
			return this.run;
		}

		String request() {
			return this.request;
		}

		String answer() {
			return this.answer;
		}

		boolean listing() {
			return this.listing;
		}

		@Override
		public String toString() {
			return this.caller + " " + this.operation + " on " + this.thread.id() + " (" + this.request + ")";
		}

	}

	/**
	 * A thread of the fixture: who owns it and is its only user member, its tenant, the
	 * secrets of its thread row (id, metadata marker) and of its content (event and run
	 * ids, message texts and client ids), the cursor of its first message, its runs
	 * ({@code echo}'s completed one, {@code slow}'s running one), and what its owner
	 * posted while the probes ran.
	 */
	record Victim(String id, String owner, TenantScope tenant, Set<String> members, Set<String> threadSecrets,
			Set<String> contentSecrets, String cursor, List<String> runs, Set<String> posted) {

	}

	record Snapshot(JsonNode thread, JsonNode members, List<JsonNode> events, List<JsonNode> runs) {

	}

	record Reply(int status, String body) {

	}

	/**
	 * The fixture's application: callers {@code <org>-<ws>} for three orgs and two
	 * workspaces each ({@code x-user} on REST, {@code auth.user} on Socket.IO), the
	 * assistant {@code echo}, which answers at once, and {@code slow}, which runs until
	 * cancelled.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProbeApplication {

		@Bean
		AcpAuthenticator acpProbeAuthenticator() {
			return (handshake) -> {
				Object user = handshake.transport().equals("socketio") ? handshake.auth().get("user")
						: handshake.header("x-user");
				return Mono.justOrEmpty(users.get(String.valueOf(user)));
			};
		}

		@Bean
		@AcpAssistant("echo")
		AssistantHandler echo() {
			return (context, send) -> Flux.just(send.message(List.of(new ContentPart.Text("echo"))));
		}

		@Bean
		@AcpAssistant("slow")
		AssistantHandler slow() {
			return (context, send) -> Flux.never();
		}

	}

}
