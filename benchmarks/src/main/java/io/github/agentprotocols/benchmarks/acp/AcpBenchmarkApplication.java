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

import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The ACP starter with default settings (HPP, LIME and app-control off), beside the raw
 * baseline endpoints in the same server: {@link BaselineRoutes} and, on PostgreSQL,
 * {@link RawEventRoutes} on the same connection pool as the starter's store. Every
 * request is authenticated as {@link #USER}; the assistant {@value #ASSISTANT} yields
 * {@value #EVENTS_PER_RUN} one-word messages per run, one at a time, each timed by
 * {@link EventTimings}; the assistant {@value #STALLED_ASSISTANT} says it is thinking and
 * never finishes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ BaselineRoutes.class, RawEventRoutes.class, RawSocketIoRoutes.class })
public class AcpBenchmarkApplication {

	/** Property holding the R2DBC URL; without it the starter keeps threads in memory. */
	static final String R2DBC_URL_PROPERTY = "bench.acp.r2dbc-url";

	/** Property that adds the bare netty-socketio room baseline when {@code true}. */
	static final String RAW_SOCKETIO_PROPERTY = "bench.acp.raw-socketio";

	/**
	 * Path answering the heap in use after full collections, in bytes, for a driver in
	 * another process.
	 */
	static final String HEAP_PATH = "/bench/heap";

	/**
	 * Path answering the time the JVM's just-in-time compilers have spent so far, in
	 * milliseconds, for a driver that waits for the server's steady state.
	 */
	static final String JIT_PATH = "/bench/jit";

	/** The caller of every request. */
	static final Identity USER = Identity.user("bench-user", "Bench user");

	/** Id of the assistant whose runs yield {@value #EVENTS_PER_RUN} messages. */
	static final String ASSISTANT = "bench-yield";

	/** Id of the assistant whose runs never finish, for an instance killed under them. */
	public static final String STALLED_ASSISTANT = "bench-stalled";

	/** Messages per run of {@value #ASSISTANT}. */
	static final int EVENTS_PER_RUN = 1_000;

	/**
	 * Connections of the pool shared by the starter's store and the raw baseline: the
	 * size of Spring Boot's default R2DBC pool.
	 */
	static final int POOL_SIZE = 10;

	/**
	 * Start the application in this JVM on a free port.
	 * @param database the database, or {@code null} to keep threads in memory
	 * @param extra further {@code key=value} properties
	 * @return the running application
	 */
	public static Running start(@Nullable AcpBenchDatabase database, String... extra) {
		return Running.start(AcpBenchmarkApplication.class, properties(database, extra));
	}

	/**
	 * The properties the application runs with, wherever it runs.
	 * @param database the database, or {@code null} to keep threads in memory
	 * @param extra further {@code key=value} properties
	 * @return the {@code key=value} properties
	 */
	public static String[] properties(@Nullable AcpBenchDatabase database, String... extra) {
		List<String> properties = new ArrayList<>(
				List.of("hpp.enabled=false", "lime.enabled=false", "app-control.enabled=false"));
		if (database != null) {
			// The run's schema starts empty: the starter creates the tables.
			properties.add(R2DBC_URL_PROPERTY + "=" + database.r2dbcUrl());
			properties.add("acp.store.initialize-schema=always");
		}
		properties.addAll(List.of(extra));
		return properties.toArray(String[]::new);
	}

	@Bean
	AcpAuthenticator benchAuthenticator() {
		Mono<Identity> user = Mono.just(USER);
		return (handshake) -> user;
	}

	@Bean
	RouterFunction<ServerResponse> benchHeapRoute() {
		return RouterFunctions.route()
			.GET(HEAP_PATH, (request) -> ServerResponse.ok().bodyValue(Long.toString(FanOutRoom.usedHeap())))
			.GET(JIT_PATH,
					(request) -> ServerResponse.ok()
						.bodyValue(Long.toString(ManagementFactory.getCompilationMXBean().getTotalCompilationTime())))
			.build();
	}

	@Bean
	EventTimings benchEventTimings() {
		return new EventTimings();
	}

	@Bean
	@AcpAssistant(ASSISTANT)
	AssistantHandler benchYieldingAssistant(EventTimings timings) {
		return (context, send) -> Flux.range(0, EVENTS_PER_RUN)
			.map((i) -> timings.yielded(send.message(List.of(new ContentPart.Text("event " + i)))));
	}

	@Bean
	@AcpAssistant(STALLED_ASSISTANT)
	AssistantHandler benchStalledAssistant() {
		return (context, send) -> Flux.concat(Flux.just(send.message(List.of(new ContentPart.Text("thinking")))),
				Flux.never());
	}

	@Bean(destroyMethod = "dispose")
	@ConditionalOnProperty(R2DBC_URL_PROPERTY)
	ConnectionPool benchConnectionPool(Environment environment) {
		return new ConnectionPool(ConnectionPoolConfiguration
			.builder(ConnectionFactories.get(environment.getRequiredProperty(R2DBC_URL_PROPERTY)))
			.initialSize(POOL_SIZE)
			.maxSize(POOL_SIZE)
			.maxAcquireTime(Duration.ofMinutes(1))
			.build());
	}

}
