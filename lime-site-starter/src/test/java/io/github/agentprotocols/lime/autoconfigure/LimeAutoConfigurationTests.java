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

package io.github.agentprotocols.lime.autoconfigure;

import java.time.Duration;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.autoconfigure.health.LimeHealthContributorAutoConfiguration;
import io.github.agentprotocols.lime.context.LimeEventDispatcherLifecycle;
import io.github.agentprotocols.lime.memory.InMemoryPassportReplayStore;
import io.github.agentprotocols.lime.observation.DefaultLimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.DefaultLimeHandlerObservationConvention;
import io.github.agentprotocols.lime.observation.DefaultPassportVerificationObservationConvention;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationConvention;
import io.github.agentprotocols.lime.observation.PassportVerificationObservationConvention;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The protocol starter contract, the beans of LIME agent login, and how its properties
 * reach them.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return LimeAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return LimeHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return LimeProperties.class;
	}

	@Override
	protected String[] requiredProperties() {
		return new String[] { "lime.site.token=st_contract", "lime.site.api-base=http://127.0.0.1:1/api/v1" };
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
	}

	@Test
	void providesTheSiteItsVerifierAndReplayStoreAndARunningDispatcher() {
		contextRunner().run((context) -> {
			assertThat(context).hasSingleBean(LimeSite.class)
				.hasSingleBean(PassportVerifier.class)
				.hasSingleBean(InMemoryPassportReplayStore.class)
				.hasSingleBean(LimeEventDispatcherLifecycle.class);
			assertThat(context.getBean(LimeSite.class).getApiBase()).isEqualTo("http://127.0.0.1:1/api/v1");
			assertThat(context.getBean(LimeEventDispatcher.class).isRunning()).isTrue();
		});
	}

	@Test
	void streamReadinessCheckIsThereUnlessTheApplicationOptsOut() {
		contextRunner().run((context) -> assertThat(context).hasSingleBean(ReadinessCheck.class));
		contextRunner().withPropertyValues("lime.site.sse.readiness=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessCheck.class));
	}

	@Test
	void applicationBeansReplaceTheStartersOwn() {
		LimeSite site = LimeSite.builder().siteToken("st_own").apiBase("http://127.0.0.1:1/own").build();
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder("st_own")
			.apiBase("http://127.0.0.1:1/own")
			.build();
		PassportReplayStore store = (key, until) -> true;
		contextRunner().withBean(LimeSite.class, () -> site)
			.withBean(LimeEventDispatcher.class, () -> dispatcher)
			.withBean(PassportReplayStore.class, () -> store)
			.run((context) -> {
				assertThat(context.getBean(LimeSite.class)).isSameAs(site);
				assertThat(context.getBean(LimeEventDispatcher.class)).isSameAs(dispatcher);
				assertThat(context.getBean(PassportReplayStore.class)).isSameAs(store);
				assertThat(dispatcher.isRunning()).isTrue();
			});
	}

	@Test
	void missingSiteTokenFailsNamingThePropertyAndTheEnvironmentVariable() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
			.withPropertyValues("lime.site.token= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MissingProtocolPropertyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("lime.site.token");
					assertThat(ex.getEnvironmentVariable()).isEqualTo("LIME_SITE_TOKEN");
				}));
	}

	@Test
	void siteTokenLeftAnUnresolvedPlaceholderFailsNamingThePropertyAndTheVariable(FakeLimeApi fake) {
		contextRunner().withInitializer(LimeAutoConfigurationTests::withoutEnvironmentVariables)
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=${LIME_SITE_TOKEN}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'lime.site.token' is set to '${LIME_SITE_TOKEN}'",
						"not resolved");
				assertThat(analysis.getAction()).contains("environment variable LIME_SITE_TOKEN", "'lime.site.token'");
			});
	}

	@Test
	void passportPropertiesReachTheVerifier(FakeLimeApi fake) {
		String passport = fake.passports().login("lr_properties");
		site(fake).withPropertyValues("lime.passport.require-request-id=false", "lime.passport.one-time-use=false")
			.run((context) -> {
				BlockingLimeSite site = context.getBean(LimeSite.class).blocking();
				assertThat(site.verifyPassport(passport, null).requestId()).isEqualTo("lr_properties");
				assertThat(site.verifyPassport(passport, null).requestId()).isEqualTo("lr_properties");
			});
		site(fake).withPropertyValues("lime.passport.issuer=https://issuer.example")
			.run((context) -> assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> context.getBean(LimeSite.class).blocking().verifyPassport(passport, "lr_properties"))
				.withMessageContaining("issuer"));
	}

	@Test
	@SpecItem("LIME-8.7")
	void siteVerifiesWithTheApplicationReplayStore(FakeLimeApi fake) {
		PassportReplayStore usedBefore = (key, until) -> false;
		site(fake).withBean(PassportReplayStore.class, () -> usedBefore)
			.run((context) -> assertThatExceptionOfType(PassportReplayedException.class)
				.isThrownBy(() -> context.getBean(LimeSite.class)
					.blocking()
					.verifyPassport(fake.passports().login("lr_used"), "lr_used")));
	}

	@Test
	void observesInTheApplicationsRegistryWithItsConventionBeans(FakeLimeApi fake) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		site(fake).withBean(ObservationRegistry.class, () -> registry)
			.withBean(PassportVerificationObservationConvention.class,
					() -> new DefaultPassportVerificationObservationConvention() {

						@Override
						public String getName() {
							return "site.passport";
						}

					})
			.withBean(LimeEventObservationConvention.class, () -> new DefaultLimeEventObservationConvention() {

				@Override
				public String getName() {
					return "site.lime.event";
				}

			})
			.withBean(LimeHandlerObservationConvention.class, () -> new DefaultLimeHandlerObservationConvention() {

				@Override
				public String getName() {
					return "site.lime.handler";
				}

			})
			.run((context) -> {
				String requestId = fake.createLoginRequestDirectly();
				context.getBean(LimeSite.class).blocking().verifyPassport(fake.passports().login(requestId), requestId);
				await().atMost(Duration.ofSeconds(10)).until(() -> fake.openStreams() > 0);
				fake.emitExpired(requestId);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("site.lime.handler")
						.that()
						.hasBeenStopped());
			});
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("site.passport")
			.that()
			.hasLowCardinalityKeyValue("outcome", "valid");
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("site.lime.event")
			.that()
			.hasLowCardinalityKeyValue("lime.event.type", "expired");
		TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("lime.jwks.fetch");
	}

	/**
	 * Removes the process's environment variables, so that none resolves a placeholder.
	 */
	private static void withoutEnvironmentVariables(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
	}

	private ApplicationContextRunner site(FakeLimeApi fake) {
		return contextRunner().withPropertyValues("lime.site.api-base=" + fake.baseUrl(),
				"lime.site.token=" + fake.siteToken());
	}

}
