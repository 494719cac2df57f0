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

package io.github.agentprotocols.benchmarks.startup;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The start-up benchmark's baseline: a bare WebFlux application with one route
 * ({@value #PATH}) and actuator's health endpoint, started by {@link StartupFootprint} in
 * a JVM of its own. It runs on the benchmarks module's class path, so every protocol
 * starter and Spring AI's MCP server are switched off and Spring Data Redis's
 * auto-configuration (a dependency of the HPP benchmarks, which the showcase does not
 * have) is excluded.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration" })
public class BareWebFluxApplication {

	/** Path of the one route. */
	public static final String PATH = "/hello";

	@Bean
	RouterFunction<ServerResponse> helloRoute() {
		return RouterFunctions.route()
			.GET(PATH, (request) -> ServerResponse.ok().bodyValue(Map.of("hello", "world")))
			.build();
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BareWebFluxApplication.class);
		application.setDefaultProperties(Map.of("hpp.enabled", "false", "app-control.enabled", "false", "lime.enabled",
				"false", "acp.enabled", "false", "happy.enabled", "false", "spring.ai.mcp.server.enabled", "false"));
		application.run(args);
	}

}
