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

package io.github.agentprotocols.benchmarks.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.agentprotocols.benchmarks.observation.ObservationMode;
import io.github.agentprotocols.benchmarks.observation.ObservationModeConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The raw baseline application: only {@link BaselineRoutes}, with every protocol starter
 * switched off.
 */
@SpringBootApplication
@Import(BaselineRoutes.class)
public class BaselineApplication {

	/** Path of the JSON endpoint. */
	public static final String JSON_PATH = BaselineRoutes.JSON_PATH;

	/** Path of the WebSocket echo endpoint. */
	public static final String ECHO_PATH = BaselineRoutes.ECHO_PATH;

	/**
	 * Start the baseline on a free port, quietly.
	 * @param extra extra {@code key=value} properties
	 * @return the running application
	 */
	public static Running start(String... extra) {
		String[] off = { "hpp.enabled=false", "app-control.enabled=false", "lime.enabled=false", "acp.enabled=false",
				"happy.enabled=false" };
		return Running.start(BaselineApplication.class,
				Stream.concat(Arrays.stream(off), Arrays.stream(extra)).toArray(String[]::new));
	}

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	/**
	 * A started benchmark application.
	 *
	 * @param context the application context
	 */
	public record Running(ConfigurableApplicationContext context) implements AutoCloseable {

		/**
		 * Boot's meter and observation registries, off unless an {@link ObservationMode}
		 * is chosen: the other benchmarks measure the starters without them.
		 */
		private static final List<String> WITHOUT_OBSERVATION = List.of(
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				// brought by the LIME and Happy starters, it needs the registry excluded
				// above
				"org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration");

		/**
		 * Start an application on a free loopback port, quietly, observing as
		 * {@link io.github.agentprotocols.benchmarks.observation.ObservationMode} says
		 * when its property is set, without Spring AI's MCP server unless
		 * {@code spring.ai.mcp.server.enabled=true} is among the properties.
		 * @param application the application class
		 * @param properties extra {@code key=value} properties
		 * @return the running application
		 */
		public static Running start(Class<?> application, String... properties) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(application,
					ObservationModeConfiguration.class)
				.web(WebApplicationType.REACTIVE)
				.logStartupInfo(false)
				.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"logging.level.root=warn", "spring.ai.mcp.server.enabled=false")
				.properties(properties)
				.properties(observationProperties(properties))
				.run();
			return new Running(context);
		}

		private static String[] observationProperties(String[] properties) {
			boolean observed = Arrays.stream(properties)
				.anyMatch((property) -> property.startsWith(ObservationMode.PROPERTY + "="));
			return observed ? new String[0]
					: new String[] { "spring.autoconfigure.exclude=" + String.join(",", WITHOUT_OBSERVATION) };
		}

		/**
		 * The port the server listens on.
		 * @return the port
		 */
		public int port() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
