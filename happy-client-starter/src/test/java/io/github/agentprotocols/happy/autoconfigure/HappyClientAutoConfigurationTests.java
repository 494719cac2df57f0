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

package io.github.agentprotocols.happy.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.HappyMetrics;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.core.SecretKind;
import io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration;
import io.github.agentprotocols.happy.autoconfigure.metrics.HappyMetricsAutoConfiguration;
import io.github.agentprotocols.happy.health.HappyHealthIndicator;
import io.github.agentprotocols.happy.metrics.MicrometerHappyMetrics;
import io.github.agentprotocols.happy.observation.DefaultRestObservationConvention;
import io.github.agentprotocols.happy.observation.RestObservationContext;
import io.github.agentprotocols.happy.observation.RestObservationConvention;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyEndpoint;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HappyClientAutoConfigurationTests {

	private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HappyMetricsAutoConfiguration.class,
						HappyAutoConfiguration.class, HappyHealthContributorAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME);

	@SpecItem("HAPPY-1.4.11")
	@Test
	void withoutCredentialsThereIsNoClientAndHealthSaysWhy() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(HappyCredentials.class);
			assertThat(context).doesNotHaveBean(ReactiveHappyClient.class);
			assertThat(context).doesNotHaveBean(HappyClient.class);
			Health health = context.getBean(HappyHealthIndicator.class).health(true).block();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat((String) health.getDetails().get("reason")).contains("happy.token", "happy.secret",
					HappyAutoConfigurationTests.NO_HOME);
		});
	}

	@Test
	void tokenAndSecretGiveBothClients() {
		this.runner
			.withPropertyValues("happy.server-url=http://127.0.0.1:1/", "happy.token=t", "happy.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveHappyClient.class).hasSingleBean(HappyClient.class);
				assertThat(context.getBean(HappyCredentials.class).serverUrl()).isEqualTo("http://127.0.0.1:1");
				assertThat(context.getBean(HappyClient.class).reactive())
					.isSameAs(context.getBean(ReactiveHappyClient.class));
			});
	}

	@SpecItem("HAPPY-1.4.1")
	@Test
	void environmentVariablesOfTheSdkWork() {
		Map<String, Object> env = Map.of("HAPPY_SERVER_URL", "http://127.0.0.1:2", "HAPPY_TOKEN", "t", "HAPPY_SECRET",
				SECRET);
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveHappyClient.class);
				HappyCredentials credentials = context.getBean(HappyCredentials.class);
				assertThat(credentials.serverUrl()).isEqualTo("http://127.0.0.1:2");
				assertThat(credentials.token()).isEqualTo("t");
			});
	}

	@SpecItem("HAPPY-1.4.10")
	@Test
	void tokenWithoutSecretFailsNamingTheSecret() {
		this.runner.withPropertyValues("happy.token=t").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MissingProtocolPropertyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("happy.secret");
					assertThat(ex.getEnvironmentVariable()).isEqualTo("HAPPY_SECRET");
				});
		});
	}

	@SpecItem("HAPPY-1.4.10")
	@Test
	void secretWithoutTokenFailsNamingTheToken() {
		this.runner.withPropertyValues("happy.secret=" + SECRET).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MissingProtocolPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("happy.token"));
		});
	}

	@SpecItem("HAPPY-1.4.12")
	@Test
	void secretWithObtainTokenIsEnough() {
		this.runner.withPropertyValues("happy.secret=" + SECRET, "happy.obtain-token=true").run((context) -> {
			assertThat(context).hasSingleBean(ReactiveHappyClient.class);
			assertThat(context.getBean(HappyCredentials.class).token()).isNull();
		});
	}

	@SpecItem("HAPPY-1.4.7")
	@Test
	void credentialsPathIsRead(@TempDir Path dir) throws Exception {
		Path keyFile = dir.resolve("agent.key");
		HappyStartUpChecksTests
			.ownerOnly(Files.writeString(keyFile, "{\"token\":\"file-token\",\"secret\":\"" + SECRET + "\"}"));
		this.runner.withPropertyValues("happy.credentials-path=" + keyFile).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveHappyClient.class);
			assertThat(context.getBean(HappyCredentials.class).token()).isEqualTo("file-token");
		});
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void defaultKeyFileInTheHomeDirectoryIsRead(@TempDir Path home) throws Exception {
		HappyStartUpChecksTests.ownerOnly(Files.writeString(home.resolve("access.key"),
				"{\"token\":\"home-token\",\"secret\":\"" + SECRET + "\"}"));
		this.runner.withPropertyValues("happy.home-dir=" + home).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveHappyClient.class);
			assertThat(context.getBean(HappyCredentials.class).token()).isEqualTo("home-token");
		});
	}

	@Test
	void credentialsBeanIsUsed() {
		this.runner.withBean(HappyCredentials.class, () -> HappyCredentials.of("http://127.0.0.1:3", "bean", SECRET))
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveHappyClient.class);
				assertThat(context.getBean(ReactiveHappyClient.class).serverUrl()).isEqualTo("http://127.0.0.1:3");
			});
	}

	@Test
	void propertiesGiveTheDefaultConnectionDetails() {
		this.runner
			.withPropertyValues("happy.server-url=http://127.0.0.1:1/", "happy.token=t", "happy.secret=" + SECRET)
			.run((context) -> {
				HappyConnectionDetails details = context.getBean(HappyConnectionDetails.class);
				assertThat(details.getServerUrl()).isEqualTo("http://127.0.0.1:1");
				assertThat(details.getToken()).isEqualTo("t");
				assertThat(details.getSecret()).isEqualTo(SECRET);
			});
	}

	@Test
	void connectionDetailsBeanAloneGivesTheClient() {
		this.runner.withBean(HappyConnectionDetails.class, () -> connectionDetails("http://127.0.0.1:5", "cd"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveHappyClient.class).hasSingleBean(HappyClient.class);
				assertThat(context.getBean(ReactiveHappyClient.class).serverUrl()).isEqualTo("http://127.0.0.1:5");
				assertThat(context.getBean(HappyCredentials.class).token()).isEqualTo("cd");
			});
	}

	@Test
	void connectionDetailsBeanWinsOverTheProperties() {
		this.runner
			.withPropertyValues("happy.server-url=http://127.0.0.1:1/", "happy.token=t", "happy.secret=" + SECRET)
			.withBean(HappyConnectionDetails.class, () -> connectionDetails("http://127.0.0.1:5", "cd"))
			.run((context) -> {
				assertThat(context).hasSingleBean(HappyConnectionDetails.class);
				HappyCredentials credentials = context.getBean(HappyCredentials.class);
				assertThat(credentials.serverUrl()).isEqualTo("http://127.0.0.1:5");
				assertThat(credentials.token()).isEqualTo("cd");
			});
	}

	@Test
	void connectionDetailsWithoutATokenObtainOneWithTheMasterSecret() {
		this.runner.withBean(HappyConnectionDetails.class, () -> connectionDetails("http://127.0.0.1:5", null))
			.run((context) -> {
				HappyCredentials credentials = context.getBean(HappyCredentials.class);
				assertThat(credentials.token()).isNull();
				assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
			});
	}

	@Test
	void userClientsReplaceTheAutoConfiguredOnes() {
		ReactiveHappyClient own = ReactiveHappyClient.create(HappyCredentials.of("http://127.0.0.1:4", "t", SECRET));
		this.runner.withPropertyValues("happy.token=t", "happy.secret=" + SECRET)
			.withBean(ReactiveHappyClient.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(ReactiveHappyClient.class)).isSameAs(own);
				assertThat(context.getBean(HappyClient.class).reactive()).isSameAs(own);
			});
	}

	@Test
	void customizerChangesOneOptionAndKeepsTheRest() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		try (FakeHappyServer server = FakeHappyServer.start()) {
			HappyTestAccount account = HappyTestAccount.create(server);
			this.runner
				.withPropertyValues("happy.server-url=" + server.url(), "happy.token=" + account.token(),
						"happy.secret=" + account.secretBase64(), "happy.client-id=from-properties",
						"happy.timeouts.request=5s")
				.withBean(ObservationRegistry.class, () -> observations)
				.withBean(RestObservationConvention.class, CustomRestObservationConvention::new)
				.withBean(ReactiveHappyClientBuilderCustomizer.class,
						() -> (builder) -> builder.clientId("customized/1.0"))
				.run((context) -> {
					HappyClient client = context.getBean(HappyClient.class);
					assertThat(client.listMachines()).isEmpty();
					assertThat(server.receivedHeaders())
						.filteredOn((received) -> received.request().path().equals("/v1/machines"))
						.singleElement()
						.extracting((received) -> received.header("X-Happy-Client"))
						.isEqualTo("customized/1.0");
					assertThat(observations).hasObservationWithNameEqualTo("happy.rest")
						.that()
						.hasContextualNameEqualTo("custom GET /v1/machines");
					server.faults().delay(HappyEndpoint.LIST_MACHINES, Duration.ofSeconds(10));
					assertThatExceptionOfType(HappyConnectionException.class).isThrownBy(client::listMachines)
						.withMessageEndingWith("did not answer within PT5S");
				});
		}
	}

	@Test
	void customizersRunInTheirOrder() {
		this.runner.withPropertyValues("happy.server-url=http://127.0.0.1:1", "happy.token=t", "happy.secret=" + SECRET)
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveHappyClient.class);
				assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second");
			});
	}

	@Test
	void meterRegistryGivesMicrometerMetrics() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("happy.token=t", "happy.secret=" + SECRET)
			.run((context) -> assertThat(context).getBean(HappyMetrics.class)
				.isInstanceOf(MicrometerHappyMetrics.class));
	}

	@Test
	void withoutMeterRegistryThereAreNoMetrics() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(HappyMetrics.class));
	}

	@Test
	void meterRegistryWithoutAClientGetsNoHappyMeters() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveHappyClient.class);
			assertThat(context).doesNotHaveBean(HappyMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("happy.socket.reconnects").counter()).isNull();
		});
	}

	@Test
	void healthAndMetricsBackOffWhenTheClientsAutoConfigurationIsLeftOut() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class,
					HappyMetricsAutoConfiguration.class, HappyHealthContributorAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(HappyHealthIndicator.class).doesNotHaveBean(HappyMetrics.class);
			});
	}

	@Test
	void unreachableServerIsDown() {
		this.runner
			.withPropertyValues("happy.server-url=http://127.0.0.1:1", "happy.token=t", "happy.secret=" + SECRET,
					"happy.timeouts.request=2s")
			.run((context) -> {
				Health health = context.getBean(HappyHealthIndicator.class).health(true).block();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("socket", "not connected")
					.containsEntry("server", "http://127.0.0.1:1");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		private final List<String> applied = new ArrayList<>();

		@Bean
		@Order(2)
		ReactiveHappyClientBuilderCustomizer second() {
			return (builder) -> this.applied.add("second");
		}

		@Bean
		@Order(1)
		ReactiveHappyClientBuilderCustomizer first() {
			return (builder) -> this.applied.add("first");
		}

	}

	static class CustomRestObservationConvention extends DefaultRestObservationConvention {

		@Override
		public String getContextualName(RestObservationContext context) {
			return "custom " + super.getContextualName(context);
		}

	}

	private static HappyConnectionDetails connectionDetails(String serverUrl, @Nullable String token) {
		return new HappyConnectionDetails() {

			@Override
			public String getServerUrl() {
				return serverUrl;
			}

			@Override
			public @Nullable String getToken() {
				return token;
			}

			@Override
			public String getSecret() {
				return SECRET;
			}

		};
	}

}
