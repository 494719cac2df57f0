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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.agentprotocols.appcontrol.PythonScripts;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.autoconfigure.health.AppControlHealthContributorAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.AppControlConfigException;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Conformance checklist item 45 and the Spring beans.
 */
class AppControlSpringConfigurationTests {

	@TempDir
	Path directory;

	private static final AutoConfigurations APP_CONTROL = AutoConfigurations.of(AppControlAutoConfiguration.class,
			AppControlHealthContributorAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(APP_CONTROL);

	/** Starts a real application with the given environment variables and arguments. */
	private ConfigurableApplicationContext start(Map<String, String> env, String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env)));
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		return application.run(args);
	}

	@Test
	@SpecItem("AC-10.45")
	void propertiesBindFromApplicationProperties() {
		try (ConfigurableApplicationContext context = start(Map.of(), "--spring.config.name=appcontrol-test")) {
			AppControlConfig config = context.getBean(AppControlConfig.class);
			assertThat(config.computerUse().allowedApps()).containsExactly("TextEdit", "WeChat");
			assertThat(config.logging().level()).isEqualTo("warning");
			assertThat(config.computerUse().allowedAppBundleIds()).containsEntry("Visual Studio Code",
					"com.microsoft.VSCode");
		}
	}

	@Test
	@SpecItem("AC-10.45")
	void upstreamMapVariableKeepsKeyCaseAndSpaces() {
		try (ConfigurableApplicationContext context = start(Map.of("APP_CONTROL_COMPUTER_USE_ALLOWED_APP_BUNDLE_IDS",
				"Visual Studio Code=com.microsoft.VSCode, WeChat=com.tencent.xinWeChat"))) {
			assertThat(context.getBean(AppControlConfig.class).computerUse().allowedAppBundleIds()).containsExactly(
					entry("Visual Studio Code", "com.microsoft.VSCode"), entry("WeChat", "com.tencent.xinWeChat"));
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			assertThat(sources.precedenceOf(sources.get(AppControlEnvironmentPostProcessor.ENVIRONMENT_SOURCE)))
				.isEqualTo(sources.precedenceOf(sources.get("systemEnvironment")) - 1);
		}
	}

	@Test
	@SpecItem("AC-10.45")
	void systemPropertyBeatsTheEnvironmentWhichBeatsApplicationFiles() {
		Map<String, String> env = Map.of("APP_CONTROL_LOG_LEVEL", "error", "APP_CONTROL_ALLOWED_APPS", "Mail");
		try (ConfigurableApplicationContext context = start(env, "--spring.config.name=appcontrol-test")) {
			AppControlConfig config = context.getBean(AppControlConfig.class);
			assertThat(config.logging().level()).isEqualTo("error");
			assertThat(config.computerUse().allowedApps()).containsExactly("Mail");
		}
		System.setProperty("app-control.logging.level", "debug");
		try (ConfigurableApplicationContext context = start(env, "--spring.config.name=appcontrol-test")) {
			assertThat(context.getBean(AppControlConfig.class).logging().level()).isEqualTo("debug");
		}
		finally {
			System.clearProperty("app-control.logging.level");
		}
	}

	@Test
	@SpecItem("AC-10.45")
	void tomlFileSitsBetweenTheEnvironmentAndApplicationFiles() throws IOException {
		Path toml = this.directory.resolve("app-control.toml");
		Files.writeString(toml, "[logging]\nlevel = \"critical\"\n[wechat]\nsearch_hotkey = [\"Command\", \"K\"]\n"
				+ "max_message_chars = 99\n");
		String file = "--app-control.config-file=file:" + toml;
		try (ConfigurableApplicationContext context = start(Map.of(), "--spring.config.name=appcontrol-test", file)) {
			AppControlConfig config = context.getBean(AppControlConfig.class);
			assertThat(config.logging().level()).isEqualTo("critical");
			assertThat(config.wechat().searchHotkey()).containsExactly("Command", "K");
			assertThat(config.wechat().maxMessageChars()).isEqualTo(99);
		}
		try (ConfigurableApplicationContext context = start(Map.of("APP_CONTROL_WECHAT_MAX_MESSAGE_CHARS", "7"),
				file)) {
			assertThat(context.getBean(AppControlConfig.class).wechat().maxMessageChars()).isEqualTo(7);
		}
	}

	@Test
	@SpecItem("AC-10.40")
	void theShippedTemplateLoadsThroughSpring() {
		try (ConfigurableApplicationContext context = start(Map.of(),
				"--app-control.config-file=file:../docs/app-control.toml")) {
			assertThat(context.getBean(AppControlConfig.class).computerUse().allowedApps()).containsExactly("TextEdit",
					"WeChat");
		}
	}

	@Test
	void invalidUpstreamVariableFailsStartupWithTheUpstreamMessage() {
		assertThatExceptionOfType(AppControlConfigException.class)
			.isThrownBy(() -> start(Map.of("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "slow")))
			.withMessage("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS must be an integer");
		FailureAnalysis analysis = new AppControlConfigFailureAnalyzer()
			.analyze(new AppControlConfigException("computer_use.allowed_apps items", "bad"));
		assertThat(analysis.getAction()).contains("app-control.computer-use.allowed-apps");
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	@SpecItem("AC-10.45")
	void upstreamHelperVariablesConfigureTheHelperClient() throws Exception {
		Path endpoint = this.directory.resolve("stub.sock");
		Process helper = PythonScripts.start("helper_stub.py", endpoint.toString(), "env-token");
		Map<String, String> env = Map.of("APP_CONTROL_COMPUTER_USE_BACKEND", "helper", "APP_CONTROL_HELPER_ENDPOINT",
				endpoint.toString(), "APP_CONTROL_HELPER_TOKEN", "env-token", "APP_CONTROL_HELPER_BUNDLE_ID",
				"com.example.helper");
		try (ConfigurableApplicationContext context = start(env)) {
			ToolObservation observation = context.getBean(AppControlClient.class)
				.runCommand(new ToolCommand("cmd_env", "macos.computer_use", "ok"));
			assertThat(observation.observation()).containsEntry("request", Map.of("token", "env-token", "metadata",
					Map.of("bundleId", "com.example.helper", "apiVersion", "app_control.helper.v1")));
		}
		finally {
			helper.destroy();
		}
	}

	@Test
	void invalidPropertyFailsStartup() {
		this.runner.withPropertyValues("app-control.wechat.max-message-chars=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(AppControlConfigException.class)
				.hasMessage("wechat.max_message_chars must be positive"));
	}

	@Test
	@SpecItem("AC-10.39")
	void defaultPropertiesEqualTheSpecDefaults() {
		assertThat(new AppControlPropertiesMapper(new AppControlProperties()).config())
			.isEqualTo(AppControlConfig.defaults());
	}

	@Test
	void defaultsRegisterTheProtocolBeansAndAnUpHealthIndicator() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AppControlConfig.class)
				.hasSingleBean(ProtocolSchemas.class)
				.hasSingleBean(LoggingToolObserver.class)
				.doesNotHaveBean(AppControlServiceHost.class);
			Health health = context.getBean("appControlHealthIndicator", ReactiveHealthIndicator.class)
				.health(true)
				.block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("schemas", 9)
				.containsEntry("backend", "direct")
				.containsEntry("serviceHost", "disabled");
		});
	}

	@Test
	void serviceHostNeedsAToken() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withBean(AppControlClient.class, () -> (command, observer) -> null)
			.withPropertyValues("app-control.service.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingProtocolPropertyException.class)
				.hasMessageContaining("app-control.service.token"));
	}

	@Test
	void serviceTokenLeftAnUnresolvedPlaceholderFailsStartUpNamingTheVariable() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withBean(AppControlClient.class, () -> (command, observer) -> null)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.withPropertyValues("app-control.service.enabled=true",
					"app-control.service.token=${APP_CONTROL_SERVICE_TOKEN}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("'app-control.service.token' is set to '${APP_CONTROL_SERVICE_TOKEN}'", "not resolved");
				assertThat(analysis.getAction()).contains("environment variable APP_CONTROL_SERVICE_TOKEN");
			});
	}

	@Test
	void helperEndpointLeftAnUnresolvedPlaceholderFailsTheApplicationNamingTheVariable() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> start(Map.of(), "--app-control.computer-use.backend=helper",
					"--app-control.helper.endpoint=${APP_CONTROL_HELPER_ENDPOINT}"))
			.satisfies((ex) -> {
				FailureAnalysis analysis = FailureAnalyses.of(ex);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(
						"'app-control.helper.endpoint' is set to '${APP_CONTROL_HELPER_ENDPOINT}'", "not resolved");
				assertThat(analysis.getAction()).contains("environment variable APP_CONTROL_HELPER_ENDPOINT");
			});
	}

	@Test
	void serviceHostRefusesATokenTooShortToResistGuessing() {
		ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withBean(AppControlClient.class, () -> (command, observer) -> null)
			.withPropertyValues("app-control.service.enabled=true");
		for (String token : new String[] { "abc", "  fifteen-chars-x  " }) {
			runner.withPropertyValues("app-control.service.token=" + token).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("app-control.service.token")
					.contains("at least 16")
					.contains("APP_CONTROL_SERVICE_TOKEN")
					.doesNotContain(token.strip());
			});
		}
		runner.withPropertyValues("app-control.service.token= sixteen-chars-ok ")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(AppControlServiceHost.class));
	}

	@Test
	void wrongTokenThrottleLimitsOutOfRangeFailStartUpNamingTheProperty() {
		ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withBean(AppControlClient.class, () -> (command, observer) -> null)
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token");
		runner.withPropertyValues("app-control.service.max-failed-tokens-per-minute=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("app-control.service.max-failed-tokens-per-minute"));
		runner.withPropertyValues("app-control.service.max-tracked-clients=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("app-control.service.max-tracked-clients"));
		runner.withPropertyValues("app-control.service.max-failed-tokens-per-minute=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void serviceHostReportsItsStateInHealth() {
		new ReactiveWebApplicationContextRunner().withConfiguration(APP_CONTROL)
			.withBean(AppControlClient.class, () -> (command, observer) -> null)
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token")
			.run((context) -> {
				assertThat(context).hasSingleBean(AppControlServiceHost.class);
				Health health = context.getBean("appControlHealthIndicator", ReactiveHealthIndicator.class)
					.health(true)
					.block();
				assertThat(health.getDetails().get("serviceHost")).isInstanceOf(Map.class);
			});
	}

	@Test
	void serviceHostStaysOffOutsideReactiveWebApplications() {
		this.runner
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AppControlServiceHost.class));
	}

	@Test
	void userBeansWin() {
		AppControlConfig custom = AppControlConfig.defaults();
		this.runner.withBean(AppControlConfig.class, () -> custom)
			.run((context) -> assertThat(context.getBean(AppControlConfig.class)).isSameAs(custom));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
