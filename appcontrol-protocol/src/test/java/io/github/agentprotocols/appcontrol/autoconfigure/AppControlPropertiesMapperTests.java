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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.AppControlConfigException;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppControlPropertiesMapperTests {

	private static AppControlProperties bind(Map<String, Object> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("app-control",
				AppControlProperties.class);
	}

	@Test
	void defaultsDocumentedInTheMetadataAreTheOnesThePropertiesStartWith() throws IOException {
		Map<String, Object> documented = new LinkedHashMap<>();
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			for (JsonNode property : AppControlJson.mapper().readTree(metadata).get("properties")) {
				JsonNode value = property.get("defaultValue");
				if (value != null && property.get("name").asString().startsWith("app-control.")) {
					documented.put(property.get("name").asString(),
							value.isArray() ? String.join(",", value.valueStream().map(JsonNode::asString).toList())
									: value.asString());
				}
			}
		}
		assertThat(documented).containsKeys("app-control.logging.level", "app-control.computer-use.timeout-ms",
				"app-control.helper.launch-timeout-ms", "app-control.wechat.default-timeout-ms",
				"app-control.service.command-timeout");
		assertThat(documented).as("unset: Spring Boot's HTTP client settings, else the client's defaults")
			.doesNotContainKeys("app-control.remote.timeout", "app-control.remote.connect-timeout");
		assertThat(bind(documented)).usingRecursiveComparison().isEqualTo(new AppControlProperties());
	}

	@Test
	void timesBindFromBareMillisecondsAndFromDurations() {
		AppControlConfig config = new AppControlPropertiesMapper(bind(Map.of("app-control.computer-use.timeout-ms",
				"2500", "app-control.helper.launch-timeout-ms", "2m", "app-control.wechat.default-timeout-ms", 1234)))
			.config();
		assertThat(config.computerUse().timeoutMs()).isEqualTo(2500);
		assertThat(config.helper().launchTimeoutMs()).isEqualTo(120000);
		assertThat(config.wechat().defaultTimeoutMs()).isEqualTo(1234);
	}

	@Test
	void levelAndSinkBindInAnyCaseAndReachTheConfigurationInLowerCase() {
		AppControlConfig config = new AppControlPropertiesMapper(
				bind(Map.of("app-control.logging.level", "WARNING", "app-control.logging.event-sink", "logger")))
			.config();
		assertThat(config.logging().level()).isEqualTo("warning");
		assertThat(config.logging().eventSink()).isEqualTo("logger");
	}

	@Test
	void timeBeyondTheProtocolsRangeIsReportedAgainstItsKey() {
		AppControlProperties properties = new AppControlProperties();
		properties.getComputerUse().setTimeoutMs(Duration.ofDays(30));
		assertThatExceptionOfType(AppControlConfigException.class)
			.isThrownBy(() -> new AppControlPropertiesMapper(properties).config())
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("computer_use.timeout_ms"));
	}

	@Test
	void remoteUrlChoosesTheClientOfItsTransport() {
		ProtocolSchemas schemas = ProtocolSchemas.shared();
		assertThat(new AppControlPropertiesMapper(bind(Map.of("app-control.remote.url", "unix:/run/ac/service.sock")))
			.remoteClient(schemas)).isInstanceOf(UnixSocketAppControlClient.class);
		assertThat(new AppControlPropertiesMapper(
				bind(Map.of("app-control.remote.url", "http://127.0.0.1:8080/app-control/service")))
			.remoteClient(schemas)).isInstanceOf(HttpAppControlClient.class);
	}

	@Test
	void serviceHostDefaultsAreTheBuildersDefaults() {
		AppControlProperties.Service service = new AppControlProperties().getService();
		assertThat(service.getCommandTimeout()).isEqualTo(AppControlServiceHost.DEFAULT_COMMAND_TIMEOUT);
		assertThat(service.getResultTtl()).isEqualTo(AppControlServiceHost.DEFAULT_RESULT_TTL);
		assertThat(service.getMaxStoredResults()).isEqualTo(AppControlServiceHost.DEFAULT_MAX_STORED_RESULTS);
	}

	@Test
	void serviceHostWithoutATokenNamesTheMissingProperty() {
		AppControlPropertiesMapper mapper = new AppControlPropertiesMapper(
				bind(Map.of("app-control.service.token", " ")));
		assertThatExceptionOfType(MissingProtocolPropertyException.class)
			.isThrownBy(() -> mapper.serviceHost((command, observer) -> {
				throw new AssertionError("no command runs");
			}, ProtocolSchemas.shared(), AppControlMetrics.NONE))
			.withMessageContaining("app-control.service.token");
	}

	@Test
	void nonPositiveTimeFailsWithTheProtocolsMessage() {
		AppControlProperties properties = new AppControlProperties();
		properties.getHelper().setLaunchTimeoutMs(Duration.ZERO);
		assertThatExceptionOfType(AppControlConfigException.class)
			.isThrownBy(() -> new AppControlPropertiesMapper(properties).config())
			.withMessage("helper.launch_timeout_ms must be positive");
	}

}
