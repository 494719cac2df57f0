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

package io.github.agentprotocols.hpp.autoconfigure.metrics;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.metrics.MicrometerHandshakeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the protocol's meters are registered.
 */
class HppMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("management.metrics.use-global-registry=false")
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class,
				HppMetricsAutoConfiguration.class, MetricsAutoConfiguration.class));

	@Test
	void protocolRecordsIntoTheMeterRegistry() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerHandshakeMetrics.class);
			context.getBean(HandshakeManager.class)
				.createSession(JsonNodeFactory.instance.objectNode(),
						new HandshakeRequest(null, HttpHeaders.EMPTY, null))
				.block();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("hpp.sessions.created").counter().count()).isEqualTo(1);
			assertThat(registry.get("hpp.sessions.active").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void withoutAMeterRegistryTheProtocolRecordsNothing() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(HandshakeManager.class);
			assertThat(context).doesNotHaveBean(HandshakeMetrics.class);
		});
	}

	@Test
	void withoutMicrometerTheProtocolRecordsNothing() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HandshakeManager.class)
				.doesNotHaveBean(HandshakeMetrics.class));
	}

	@Test
	void metersCanBeDisabledLikeAnyOthers() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.metrics.enable.hpp=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("hpp.sessions.created").counter())
				.isNull());
	}

	@Test
	void applicationMetricsWin() {
		HandshakeMetrics own = new HandshakeMetrics() {
		};
		this.runner.withBean(SimpleMeterRegistry.class)
			.withBean(HandshakeMetrics.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerHandshakeMetrics.class)
				.getBean(HandshakeMetrics.class)
				.isSameAs(own));
	}

	@Test
	void disabledStarterRegistersNoMeters() {
		this.runner.withBean(SimpleMeterRegistry.class).withPropertyValues("hpp.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HandshakeMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("hpp.sessions.created").counter()).isNull();
		});
	}

}
