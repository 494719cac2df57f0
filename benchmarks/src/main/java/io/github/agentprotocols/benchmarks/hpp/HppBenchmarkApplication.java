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

import java.lang.management.ManagementFactory;
import java.util.Map;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The HPP starter with default settings except unbounded rate limits, beside the raw
 * baseline endpoints in the same server, and {@value #HEAP_PATH}, which collects garbage
 * and reports the heap in use.
 */
@SpringBootApplication
@Import(BaselineRoutes.class)
public class HppBenchmarkApplication {

	/** Path that runs the garbage collector and answers {@code {"heapUsed": bytes}}. */
	public static final String HEAP_PATH = "/bench/heap";

	static final String[] PROPERTIES = { "hpp.rate-limit-per-minute=2000000000", "hpp.limits.max-sessions=50000",
			"hpp.limits.max-anonymous-sessions-per-minute=0", "lime.enabled=false", "acp.enabled=false" };

	/**
	 * Start the application in this JVM on a free port.
	 * @return the running application
	 */
	public static Running start() {
		return Running.start(HppBenchmarkApplication.class, PROPERTIES);
	}

	/**
	 * The application's properties with extra ones.
	 * @param extra extra {@code key=value} properties
	 * @return all properties
	 */
	public static String[] properties(String... extra) {
		return java.util.stream.Stream.concat(java.util.Arrays.stream(PROPERTIES), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
	}

	@Bean
	RouterFunction<ServerResponse> heapRoute() {
		return RouterFunctions.route().GET(HEAP_PATH, (request) -> {
			for (int i = 0; i < 3; i++) {
				System.gc();
			}
			long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			return ServerResponse.ok().bodyValue(Map.of("heapUsed", used));
		}).build();
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HppBenchmarkApplication.class);
		application.setDefaultProperties(Map.of("hpp.rate-limit-per-minute", "2000000000", "hpp.limits.max-sessions",
				"50000", "hpp.limits.max-anonymous-sessions-per-minute", "0", "lime.enabled", "false", "acp.enabled",
				"false", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		application.run(args);
	}

}
