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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The customizers of the builders the auto-configuration builds: each changes one option
 * and keeps the rest of the configuration, in its order, and none touches a bean the
 * application defines itself.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeBuilderCustomizerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class));

	@Test
	void siteCustomizerChangesOneOptionAndKeepsTheRest(FakeLimeApi fake) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		site(fake).withBean(ObservationRegistry.class, () -> registry)
			.withBean(LimeSiteBuilderCustomizer.class, () -> (builder) -> builder.maxRetries(0))
			.run((context) -> {
				BlockingLimeSite site = context.getBean(LimeSite.class).blocking();
				fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 408);
				assertThatExceptionOfType(LimeApiException.class).isThrownBy(site::createLoginRequest)
					.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(408));
				assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isOne();
				String requestId = site.createLoginRequest().requestId();
				assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(1).header("X-Site-Token"))
					.isEqualTo(fake.siteToken());
				assertThat(context.getBean(PendingLoginRequests.class).pending().collectList().block())
					.extracting(PendingLoginRequest::requestId)
					.contains(requestId);
			});
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("lime.login.request", 2);
	}

	@Test
	void passportVerifierCustomizerAddsAValidatorAndKeepsTheRest(FakeLimeApi fake) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<String> marked = new CopyOnWriteArrayList<>();
		PassportReplayStore replayStore = (key, until) -> marked.add(key);
		PassportVerifierBuilderCustomizer refuseOneRequest = (builder) -> builder.validator((claims) -> {
			if ("lr_refused".equals(claims.get("request_id"))) {
				throw new InvalidPassportException("request refused by the site");
			}
		});
		site(fake).withPropertyValues("lime.passport.require-request-id=false")
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(PassportReplayStore.class, () -> replayStore)
			.withBean(PassportVerifierBuilderCustomizer.class, () -> refuseOneRequest)
			.run((context) -> {
				BlockingLimeSite site = context.getBean(LimeSite.class).blocking();
				assertThatExceptionOfType(InvalidPassportException.class)
					.isThrownBy(() -> site.verifyPassport(fake.passports().login("lr_refused"), null))
					.withMessage("request refused by the site");
				assertThat(site.verifyPassport(fake.passports().login("lr_accepted"), null).requestId())
					.isEqualTo("lr_accepted");
				assertThat(marked).singleElement().asString().contains("lr_accepted");
			});
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("lime.passport.verification", 2);
	}

	@Test
	void eventDispatcherCustomizerChangesOneOptionAndKeepsTheRest(FakeLimeApi fake) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<LimeConnectionState.Status> states = new CopyOnWriteArrayList<>();
		List<String> handled = new CopyOnWriteArrayList<>();
		site(fake).withBean(ObservationRegistry.class, () -> registry)
			.withBean(LimeLoginHandler.class, () -> (requestId, passportJwt) -> handled.add(requestId))
			.withBean(LimeEventDispatcherBuilderCustomizer.class,
					() -> (builder) -> builder.stateListener((state) -> states.add(state.status())))
			.run((context) -> {
				await().atMost(WAIT)
					.until(() -> states.contains(LimeConnectionState.Status.CONNECTED) && fake.openStreams() > 0);
				String requestId = fake.createLoginRequestDirectly();
				fake.emitExpired(requestId);
				await().atMost(WAIT).untilAsserted(() -> assertThat(handled).containsExactly(requestId));
				await().atMost(WAIT)
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("lime.event.handler")
						.that()
						.hasBeenStopped());
			});
	}

	@Test
	void customizersRunInTheirOrder(FakeLimeApi fake) {
		site(fake).withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			List<String> applied = context.getBean(OrderedCustomizers.class).applied;
			assertThat(applied).filteredOn((name) -> name.startsWith("site")).containsExactly("site 1", "site 2");
			assertThat(applied).filteredOn((name) -> name.startsWith("verifier"))
				.containsExactly("verifier 1", "verifier 2");
			assertThat(applied).filteredOn((name) -> name.startsWith("dispatcher"))
				.containsExactly("dispatcher 1", "dispatcher 2");
		});
	}

	@Test
	void applicationsOwnSiteIsNotCustomized() {
		LimeSite own = LimeSite.builder().siteToken("st_own").apiBase("http://127.0.0.1:1/own").build();
		this.contextRunner.withPropertyValues("lime.site.token=st_x", "lime.site.api-base=http://127.0.0.1:1/api/v1")
			.withBean(LimeSite.class, () -> own)
			.withBean(LimeSiteBuilderCustomizer.class, () -> (builder) -> {
				throw new IllegalStateException("customized the application's own site");
			})
			.run((context) -> assertThat(context).hasNotFailed().getBean(LimeSite.class).isSameAs(own));
	}

	private ApplicationContextRunner site(FakeLimeApi fake) {
		return this.contextRunner.withPropertyValues("lime.site.api-base=" + fake.baseUrl(),
				"lime.site.token=" + fake.siteToken());
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		LimeSiteBuilderCustomizer secondSiteCustomizer() {
			return (builder) -> this.applied.add("site 2");
		}

		@Bean
		@Order(1)
		LimeSiteBuilderCustomizer firstSiteCustomizer() {
			return (builder) -> this.applied.add("site 1");
		}

		@Bean
		@Order(2)
		PassportVerifierBuilderCustomizer secondVerifierCustomizer() {
			return (builder) -> this.applied.add("verifier 2");
		}

		@Bean
		@Order(1)
		PassportVerifierBuilderCustomizer firstVerifierCustomizer() {
			return (builder) -> this.applied.add("verifier 1");
		}

		@Bean
		@Order(2)
		LimeEventDispatcherBuilderCustomizer secondDispatcherCustomizer() {
			return (builder) -> this.applied.add("dispatcher 2");
		}

		@Bean
		@Order(1)
		LimeEventDispatcherBuilderCustomizer firstDispatcherCustomizer() {
			return (builder) -> this.applied.add("dispatcher 1");
		}

	}

}
