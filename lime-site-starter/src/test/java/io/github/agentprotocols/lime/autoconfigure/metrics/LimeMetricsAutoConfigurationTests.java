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

package io.github.agentprotocols.lime.autoconfigure.metrics;

import java.time.Duration;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.metrics.MicrometerLimeMetrics;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * When LIME's meters are registered, and what they count over the fake LIME API.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeMetricsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("management.metrics.use-global-registry=false", "lime.site.token=st_test",
				"lime.site.api-base=http://127.0.0.1:1/api/v1")
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class,
				LimeMetricsAutoConfiguration.class, MetricsAutoConfiguration.class));

	@Test
	@SpecItem("LIME-8.11")
	void loginsStreamAndPassportsAreMetered(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 1, 503);
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken(),
					"lime.site.sse.backoff-base=10ms")
			.withBean("failingHandler", LimeLoginHandler.class, () -> (requestId, passportJwt) -> {
				throw new IllegalStateException("handler failed");
			})
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerLimeMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
				await().atMost(WAIT).until(() -> dispatcher.getState().status() == Status.CONNECTED);
				assertThat(registry.get("lime.stream.reconnects").counter().count()).isOne();

				LimeSite site = context.getBean(LimeSite.class);
				LoginRequest request = site.createLoginRequest().block();
				fake.agent().approve(request.requestId());
				await().atMost(WAIT)
					.until(() -> registry.get("lime.login.handler").tag("outcome", "success").timer().count() == 1);
				assertThat(registry.get("lime.events").tag("type", "approved").counter().count()).isOne();
				assertThat(registry.get("lime.login.handler").tag("outcome", "error").timer().count()).isOne();

				site.verifyPassport(fake.passports().login(request.requestId()), request.requestId()).block();
				assertThatExceptionOfType(PassportExpiredException.class)
					.isThrownBy(() -> site.verifyPassport(fake.passports().expired("lr_old"), "lr_old").block());
				assertThatExceptionOfType(InvalidPassportException.class)
					.isThrownBy(() -> site.verifyPassport("not-a-jwt", "lr_1").block());
				assertThat(registry.get("lime.passports").tag("outcome", "valid").counter().count()).isOne();
				assertThat(registry.get("lime.passports").tag("outcome", "expired").counter().count()).isOne();
				assertThat(registry.get("lime.passports").tag("outcome", "invalid").counter().count()).isOne();
			});
	}

	@Test
	void withoutAMeterRegistryNothingIsMetered() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(LimeSite.class);
			assertThat(context).doesNotHaveBean(LimeMetrics.class);
		});
	}

	@Test
	void withoutMicrometerNothingIsMetered() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LimeSite.class)
				.doesNotHaveBean(LimeMetrics.class));
	}

	@Test
	void metersCanBeDisabledLikeAnyOthers() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.metrics.enable.lime=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("lime.passports").counter())
				.isNull());
	}

	@Test
	void applicationMetricsWin() {
		LimeMetrics own = new LimeMetrics() {
		};
		this.runner.withBean(SimpleMeterRegistry.class)
			.withBean(LimeMetrics.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerLimeMetrics.class)
				.getBean(LimeMetrics.class)
				.isSameAs(own));
	}

	@Test
	void withoutTheDispatcherTheyMeasureNoMetersAreRegistered() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LimeMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
			.withPropertyValues("management.metrics.use-global-registry=false")
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LimeMetrics.class));
	}

	@Test
	void disabledStarterRegistersNoMeters() {
		this.runner.withBean(SimpleMeterRegistry.class).withPropertyValues("lime.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LimeMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("lime.passports").counter()).isNull();
		});
	}

}
