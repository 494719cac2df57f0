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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.HttpOperation;
import io.github.agentprotocols.benchmarks.observation.ObservationOverhead;

/**
 * {@link ObservationOverhead} of HPP's hot paths, {@code GET context} and
 * {@code POST action} (ten fields) spread over {@value #SESSIONS} sessions, and of the
 * bare WebFlux GET in the same servers (what Spring's own server observation costs).
 */
public final class HppObservationOverhead {

	static final int SESSIONS = 200;

	private static final int REQUESTS = 10_000;

	private static final int CONCURRENCY = 16;

	private HppObservationOverhead() {
	}

	/**
	 * The bare WebFlux GET of the HPP benchmark application.
	 * @return the scenario
	 */
	public static ObservationOverhead bare() {
		return scenario("bare-http-get", (agent, port) -> {
			HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BaselineRoutes.JSON_PATH))
				.build();
			return () -> get;
		});
	}

	/**
	 * {@code GET context}.
	 * @return the scenario
	 */
	public static ObservationOverhead context() {
		return scenario("hpp-context", (agent, port) -> roundRobin(agent, agent::context));
	}

	/**
	 * {@code POST action} with ten fields.
	 * @return the scenario
	 */
	public static ObservationOverhead action() {
		return scenario("hpp-action",
				(agent, port) -> roundRobin(agent, (session) -> agent.action(session, HppAgent.TEN_FIELD_ACTIONS)));
	}

	private static ObservationOverhead scenario(String name, Requests requests) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return new ObservationOverhead(name, (mode) -> Running.start(HppBenchmarkApplication.class,
				HppBenchmarkApplication.properties(mode.property())), (application) -> {
					HppAgent agent = new HppAgent(client, application.port());
					RequestSupplier supplier = requests.prepare(agent, application.port());
					return new HttpOperation(client, supplier::next);
				}, REQUESTS, CONCURRENCY);
	}

	private static RequestSupplier roundRobin(HppAgent agent, Function<HppAgent.Session, HttpRequest> request)
			throws Exception {
		HttpRequest[] requests = new HttpRequest[SESSIONS];
		for (int i = 0; i < SESSIONS; i++) {
			requests[i] = request.apply(agent.create(HppAgent.TEN_FIELD_SCHEMA));
		}
		AtomicInteger next = new AtomicInteger();
		return () -> requests[Math.floorMod(next.getAndIncrement(), SESSIONS)];
	}

	@FunctionalInterface
	private interface Requests {

		RequestSupplier prepare(HppAgent agent, int port) throws Exception;

	}

	@FunctionalInterface
	private interface RequestSupplier {

		HttpRequest next();

	}

}
