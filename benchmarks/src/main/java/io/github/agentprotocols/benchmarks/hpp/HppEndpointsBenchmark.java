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
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET context} and {@code POST action} (ten fields) spread over {@value #SESSIONS}
 * HPP sessions, as many agents would, against the bare WebFlux JSON endpoint of the same
 * server as {@code baseline}; four client threads. Goal: both at least half the
 * baseline's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(4)
public class HppEndpointsBenchmark {

	static final int SESSIONS = 2_000;

	private final AtomicInteger next = new AtomicInteger();

	private Running application;

	private HttpClient client;

	private HttpRequest baseline;

	private HttpRequest[] context;

	private HttpRequest[] action;

	@Setup(Level.Trial)
	public void start() throws IOException, InterruptedException {
		this.application = HppBenchmarkApplication.start();
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HppAgent agent = new HppAgent(this.client, this.application.port());
		this.context = new HttpRequest[SESSIONS];
		this.action = new HttpRequest[SESSIONS];
		for (int i = 0; i < SESSIONS; i++) {
			HppAgent.Session session = agent.create(HppAgent.TEN_FIELD_SCHEMA);
			this.context[i] = agent.context(session);
			this.action[i] = agent.action(session, HppAgent.TEN_FIELD_ACTIONS);
		}
		this.baseline = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.application.port() + BaselineRoutes.JSON_PATH))
			.build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.application.close();
	}

	@Benchmark
	public String baseline() throws IOException, InterruptedException {
		return send(this.baseline);
	}

	@Benchmark
	public String context() throws IOException, InterruptedException {
		return send(this.context[nextSession()]);
	}

	@Benchmark
	public String action() throws IOException, InterruptedException {
		return send(this.action[nextSession()]);
	}

	private int nextSession() {
		return Math.floorMod(this.next.getAndIncrement(), SESSIONS);
	}

	private String send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
