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

package io.github.agentprotocols.benchmarks.hpp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.ThreadCpu;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One busy session: {@value #REQUESTS} requests per round to ONE HPP session,
 * {@value #CONCURRENCY} in flight, either {@code GET context} or {@code POST action} with
 * the ten-field body ({@code intervalMs: 0}), in alternating rounds with the bare WebFlux
 * path of the same server that does the nearest thing: the JSON GET for the context, the
 * echo of the same body for the action; and, between the two, {@link SameWork}: the same
 * work as HPP's, written plainly in one WebFlux handler. Besides latency and throughput,
 * each round's processor time of the server's event loops per request ({@link ThreadCpu})
 * is written to {@code server-cpu-<scenario>-<stamp>.csv}: on a machine that other work
 * loads, the throughput of both measurements follows that load, their processor time per
 * request much less.
 */
public final class HppBusySession implements LoadScenario {

	static final int REQUESTS = 10_000;

	static final int CONCURRENCY = 16;

	/**
	 * Requests of each kind before the rounds, enough for the JIT to settle both paths.
	 */
	static final int WARMUP = 20_000;

	/** The server's event loops, where the in-memory store answers. */
	static final String SERVER_THREADS = "reactor-http-";

	static final String CPU_CSV_HEADER = "round,succeeded,server_cpu_us_per_request";

	private final String name;

	private final String baselinePath;

	private final String sameWorkPath;

	private final Request request;

	private HppBusySession(String name, String baselinePath, String sameWorkPath, Request request) {
		this.name = name;
		this.baselinePath = baselinePath;
		this.sameWorkPath = sameWorkPath;
		this.request = request;
	}

	/**
	 * {@code GET context} of one session against the bare JSON GET.
	 * @return the scenario
	 */
	public static HppBusySession context() {
		return new HppBusySession("hpp-busy-session-context", BaselineRoutes.JSON_PATH, SameWork.CONTEXT_PATH,
				HppAgent::context);
	}

	/**
	 * {@code POST action} (ten fields) to one session against the bare echo of the same
	 * body.
	 * @return the scenario
	 */
	public static HppBusySession action() {
		return new HppBusySession("hpp-busy-session-action", BaselineRoutes.ECHO_JSON_PATH, SameWork.ACTION_PATH,
				(agent, session) -> agent.action(session, HppAgent.TEN_FIELD_ACTIONS));
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (Running application = HppBenchmarkApplication.start()) {
			HppAgent agent = new HppAgent(client, application.port());
			HttpRequest request = this.request.build(agent, agent.create(HppAgent.TEN_FIELD_SCHEMA));
			HttpOperation hpp = new HttpOperation(client, () -> request);
			HttpOperation bare = new HttpOperation(client,
					sibling(request, application.port(), this.baselinePath, false));
			HttpOperation sameWork = new HttpOperation(client,
					sibling(request, application.port(), this.sameWorkPath, true));
			driver.run("warmup", WARMUP, bare);
			driver.run("warmup", WARMUP, sameWork);
			driver.run("warmup", WARMUP, hpp);
			String baselineName = (request.method().equals("GET") ? "bare-http-get" : "bare-http-echo")
					+ "-one-session-c" + CONCURRENCY;
			ThreadCpu server = new ThreadCpu(SERVER_THREADS);
			List<String> cpu = new ArrayList<>();
			List<LatencyReport> reports = Rounds.alternate(Rounds.count(),
					new Measurement(baselineName, metered(server, cpu, (round) -> driver.run(round, REQUESTS, bare))),
					new Measurement(this.name.replace("hpp-", "same-work-") + "-c" + CONCURRENCY,
							metered(server, cpu, (round) -> driver.run(round, REQUESTS, sameWork))),
					new Measurement(this.name + "-c" + CONCURRENCY,
							metered(server, cpu, (round) -> driver.run(round, REQUESTS, hpp))));
			writeCpu(cpu);
			return reports;
		}
	}

	/**
	 * Measures a round and adds its server processor time per request to {@code cpu}.
	 */
	private static Rounds.Measure metered(ThreadCpu server, List<String> cpu, Rounds.Measure measure) {
		return (round) -> {
			long before = server.nanos();
			LatencyReport report = measure.measure(round);
			double micros = (server.nanos() - before) / 1e3 / Math.max(1, report.succeeded() + report.failed());
			cpu.add(String.format(Locale.ROOT, "%s,%d,%.2f", round, report.succeeded(), micros));
			return report;
		};
	}

	private void writeCpu(List<String> rounds) throws IOException {
		Path folder = Path.of(System.getProperty("benchmarks.results", "results"));
		Files.createDirectories(folder);
		List<String> lines = new ArrayList<>();
		lines.add(CPU_CSV_HEADER);
		lines.addAll(rounds);
		Files.write(folder.resolve("server-cpu-" + this.name + "-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv"), lines);
		lines.forEach(System.out::println);
	}

	/**
	 * The request of the same method, and body if any, to another path of the server,
	 * with the token if asked for.
	 */
	private static Supplier<HttpRequest> sibling(HttpRequest hpp, int port, String path, boolean withToken) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (withToken) {
			hpp.headers()
				.firstValue(SameWork.TOKEN_HEADER)
				.ifPresent((token) -> builder.header(SameWork.TOKEN_HEADER, token));
		}
		HttpRequest request = hpp.bodyPublisher()
			.map((body) -> builder.header("Content-Type", "application/json").POST(body))
			.orElseGet(builder::GET)
			.build();
		return () -> request;
	}

	/**
	 * What the context and action endpoints do for one session, written plainly as one
	 * WebFlux handler each, without the starter: the token's SHA-256 compared in constant
	 * time, the idle timer touched and the request counted, the JSON tree of the body
	 * read, each action checked (type {@code set}, a string key of the schema, a string
	 * value), the fields and a change log written under the session's lock with the time
	 * rendered once, and the same response shapes written by Spring's Jackson encoder. No
	 * hooks, pacing, observations or WebSocket. In this package, so the benchmark
	 * application's component scan registers it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class SameWork {

		static final String TOKEN_HEADER = "X-Handshake-Token";

		static final String CONTEXT_PATH = "/bench/same-work/context";

		static final String ACTION_PATH = "/bench/same-work/action";

		private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

		private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
			.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
			.withZone(ZoneOffset.UTC);

		private final JsonNode schema = JsonMapper.builder().build().readTree(HppAgent.TEN_FIELD_SCHEMA).get("schema");

		private final Map<String, ObjectNode> fields = new LinkedHashMap<>();

		private final Deque<String[]> changes = new ArrayDeque<>();

		private byte[] tokenDigest = new byte[0];

		private long touched;

		private long requests;

		@Bean
		RouterFunction<ServerResponse> sameWorkRoutes() {
			return RouterFunctions.route().GET(CONTEXT_PATH, (request) -> {
				if (!admit(request)) {
					return ServerResponse.status(403).bodyValue(Map.of("error", "invalid token"));
				}
				return ServerResponse.ok().header("Cache-Control", "no-store").bodyValue(context());
			}).POST(ACTION_PATH, (request) -> {
				if (!admit(request)) {
					return ServerResponse.status(403).bodyValue(Map.of("error", "invalid token"));
				}
				return request.bodyToMono(JsonNode.class)
					.map(this::apply)
					.flatMap((body) -> ServerResponse.ok().header("Cache-Control", "no-store").bodyValue(body));
			}).build();
		}

		/**
		 * Checks the token (the first one presented becomes the session's), touches the
		 * session and counts the request.
		 */
		private boolean admit(ServerRequest request) {
			byte[] presented = sha256(request.headers().firstHeader(TOKEN_HEADER));
			synchronized (this) {
				if (this.tokenDigest.length == 0) {
					this.tokenDigest = presented;
				}
				if (!MessageDigest.isEqual(this.tokenDigest, presented)) {
					return false;
				}
				this.touched = System.nanoTime();
				this.requests++;
				return true;
			}
		}

		private ObjectNode apply(JsonNode body) {
			List<String> applied = new ArrayList<>();
			ArrayNode errors = nodes.arrayNode();
			List<ObjectNode> values = new ArrayList<>();
			for (JsonNode action : body.path("actions")) {
				String key = action.path("key").asString(null);
				JsonNode value = action.path("value");
				if (!"set".equals(action.path("type").asString(null)) || key == null || !known(key)
						|| !value.isString()) {
					errors.addObject().put("key", key).put("msg", "invalid action");
					continue;
				}
				applied.add(key);
				values.add(nodes.objectNode().put("key", key).set("value", value));
			}
			String at = TIMESTAMP.format(Instant.now());
			ObjectNode context = nodes.objectNode();
			synchronized (this) {
				for (ObjectNode write : values) {
					String key = write.get("key").stringValue();
					ObjectNode field = nodes.objectNode().put("by", "agent").put("at", at);
					field.set("value", write.get("value"));
					ObjectNode before = this.fields.put(key, field);
					this.changes
						.add(new String[] { key, (before != null) ? before.get("value").toString() : null, at });
					if (this.changes.size() > 1000) {
						this.changes.removeFirst();
					}
				}
				this.fields.forEach(context::set);
			}
			ObjectNode response = nodes.objectNode().put("ok", true);
			applied.forEach(response.putArray("applied")::add);
			response.putArray("rejected");
			response.set("errors", errors);
			response.putArray("missing");
			response.set("context", context);
			response.putObject("broadcast").put("clients", 0).put("actionMessages", 0).put("doneMessages", 0);
			return response;
		}

		private synchronized ObjectNode context() {
			ObjectNode context = nodes.objectNode();
			this.fields.forEach(context::set);
			ObjectNode response = nodes.objectNode().put("sessionId", "same-work").put("mode", "form-fill");
			response.set("schema", this.schema);
			response.set("context", context);
			response.putArray("missing");
			response.putObject("meta");
			return response.put("expiresIn", 1800);
		}

		private boolean known(String key) {
			for (JsonNode field : this.schema) {
				if (key.equals(field.path("key").asString(null))) {
					return true;
				}
			}
			return false;
		}

		private static byte[] sha256(@Nullable String token) {
			try {
				return MessageDigest.getInstance("SHA-256")
					.digest(((token != null) ? token : "").getBytes(StandardCharsets.UTF_16BE));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Builds the measured request to the session.
	 */
	@FunctionalInterface
	private interface Request {

		HttpRequest build(HppAgent agent, HppAgent.Session session);

	}

}
