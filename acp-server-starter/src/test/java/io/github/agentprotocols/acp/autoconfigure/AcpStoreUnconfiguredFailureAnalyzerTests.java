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

package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application as a new user writes it: every auto-configuration, {@code
 * r2dbc-postgresql} and {@code spring-boot-r2dbc} on the class path, and no
 * {@code spring.r2dbc.url}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AcpStoreUnconfiguredFailureAnalyzerTests {

	@Test
	void startWithoutR2dbcUrlFailsWithAnAnalysisNamingBothStores(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start().close());
		assertThat(output).contains("no spring.r2dbc.url is set")
			.contains("set spring.r2dbc.url")
			.contains("spring.autoconfigure.exclude=" + AcpStoreUnconfiguredFailureAnalyzer.R2DBC_AUTO_CONFIGURATION);
	}

	@Test
	void excludingR2dbcAsTheAnalysisSaysKeepsThreadsInMemory() {
		try (ConfigurableApplicationContext context = start(
				"--spring.autoconfigure.exclude=" + AcpStoreUnconfiguredFailureAnalyzer.R2DBC_AUTO_CONFIGURATION)) {
			assertThat(context.getBean(ThreadStore.class)).isInstanceOf(InMemoryThreadStore.class);
		}
	}

	@Test
	void staysSilentWhenTheStarterIsOff(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--acp.enabled=false").close());
		assertThat(output).contains("Failed to configure a ConnectionFactory").doesNotContain("x64acp store");
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(NewApplication.class).web(WebApplicationType.NONE).run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class NewApplication {

	}

}
