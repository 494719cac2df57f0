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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.engine.AcpGates;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Namespace mode's configuration: {@code acp.namespace-keys} (spec §5.3, §9) and the
 * start-up errors of a bad key list (§10 item 44).
 */
@ExtendWith(OutputCaptureExtension.class)
class AcpNamespaceKeysAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class))
		.withUserConfiguration(Runs.class);

	@Test
	void namespaceModeIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(NamespaceKeys.class).hasSingleBean(AcpGates.class);
			assertThat(context.getBean(AcpProperties.class).getNamespaceKeys()).isNull();
		});
	}

	@Test
	void commaSeparatedKeysTurnNamespaceModeOnInTheirOrder() {
		this.contextRunner.withPropertyValues("acp.namespace-keys=ws,org")
			.run((context) -> assertThat(context.getBean(NamespaceKeys.class).keys()).containsExactly("ws", "org"));
	}

	@Test
	void indexedKeysTurnNamespaceModeOn() {
		this.contextRunner.withPropertyValues("acp.namespace-keys[0]=org", "acp.namespace-keys[1]=ws")
			.run((context) -> assertThat(context.getBean(NamespaceKeys.class).keys()).containsExactly("org", "ws"));
	}

	@Test
	void yamlListTurnsNamespaceModeOn() {
		this.contextRunner
			.withInitializer((context) -> yaml(context.getEnvironment(), "acp:\n  namespace-keys: [org]\n"))
			.run((context) -> assertThat(context.getBean(NamespaceKeys.class).keys()).containsExactly("org"));
	}

	@Test
	@SpecItem("ACP-10.44")
	void emptyKeyListFailsTheStartUp() {
		this.contextRunner.withPropertyValues("acp.namespace-keys=")
			.run((context) -> assertThat(invalidKeys(context.getStartupFailure())).hasMessageContaining("empty"));
	}

	@Test
	@SpecItem("ACP-10.44")
	void emptyYamlListFailsTheStartUp() {
		this.contextRunner.withInitializer((context) -> yaml(context.getEnvironment(), "acp:\n  namespace-keys: []\n"))
			.run((context) -> assertThat(invalidKeys(context.getStartupFailure())).hasMessageContaining("empty"));
	}

	@Test
	@SpecItem("ACP-10.44")
	void repeatedKeyFailsTheStartUp() {
		this.contextRunner.withPropertyValues("acp.namespace-keys=org,org")
			.run((context) -> assertThat(invalidKeys(context.getStartupFailure()))
				.hasMessageContaining("'org' is repeated"));
		this.contextRunner.withPropertyValues("acp.namespace-keys[0]=org", "acp.namespace-keys[1]=org")
			.run((context) -> assertThat(invalidKeys(context.getStartupFailure()))
				.hasMessageContaining("'org' is repeated"));
	}

	@Test
	void emptyKeyFailsTheStartUp() {
		this.contextRunner.withPropertyValues("acp.namespace-keys=org,")
			.run((context) -> assertThat(invalidKeys(context.getStartupFailure())).hasMessageContaining("empty key"));
	}

	@Test
	@SpecItem("ACP-10.44")
	void failureAnalysisNamesThePropertyItsValueAndTheProblem(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("acp.namespace-keys=org,org", "spring.main.banner-mode=off");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'org,org' for configuration property 'acp.namespace-keys'")
			.contains("namespace keys must be distinct, 'org' is repeated");
	}

	private static InvalidConfigurationPropertyValueException invalidKeys(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isNotNull();
		InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) cause;
		assertThat(invalid.getName()).isEqualTo("acp.namespace-keys");
		return invalid;
	}

	private static void yaml(ConfigurableEnvironment environment, String yaml) {
		try {
			new YamlPropertySourceLoader()
				.load("test.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
				.forEach(environment.getPropertySources()::addFirst);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Runs {

		@Bean
		AssistantRuns assistantRuns() {
			return new NoAssistantRuns();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class })
	static class Application extends Runs {

	}

}
