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

package io.github.agentprotocols.happy.test.context;

import java.net.URI;
import java.util.Map;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.testsupport.AotProcessing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static io.github.agentprotocols.testsupport.LoopbackPorts.accepts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeHappyServerInitializer} on a plain context: the fakes start beside the
 * context and close with it, whether or not the context started.
 */
class FakeHappyServerInitializerTests {

	@Test
	void beansAndPropertiesAreTheSameRunningFakes() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeHappyServerInitializer().initialize(context);
			context.refresh();
			FakeHappyServer server = context.getBean(FakeHappyServerInitializer.SERVER_BEAN_NAME,
					FakeHappyServer.class);
			assertThat(context.getEnvironment().getProperty("happy.server-url")).isEqualTo(server.url());
			assertThat(server.connectedSockets()).isEqualTo(1);
			assertThat(context.getBean(FakeHappyDaemon.class).machineId()).isNotBlank();
		}
	}

	@Test
	void connectionDetailsBeanPointsAtTheSameFakesAsTheProperties() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeHappyServerInitializer().initialize(context);
			context.refresh();
			HappyConnectionDetails details = context.getBean(HappyConnectionDetails.class);
			assertThat(details.getServerUrl()).isEqualTo(context.getEnvironment().getProperty("happy.server-url"))
				.isEqualTo(context.getBean(FakeHappyServer.class).url());
			assertThat(details.getToken()).isEqualTo(context.getEnvironment().getProperty("happy.token"))
				.isEqualTo(context.getBean(HappyTestAccount.class).token());
			assertThat(details.getSecret()).isEqualTo(context.getEnvironment().getProperty("happy.secret"));
		}
	}

	@Test
	void propertyOverridesOfATestApplyToTheConnectionDetails() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeHappyServerInitializer().initialize(context);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("overrides", Map.of("happy.token", "overridden")));
			context.refresh();
			HappyConnectionDetails details = context.getBean(HappyConnectionDetails.class);
			assertThat(details.getToken()).isEqualTo("overridden");
			assertThat(details.getServerUrl()).isEqualTo(context.getBean(FakeHappyServer.class).url());
		}
	}

	@Test
	void closingTheContextClosesTheServer() {
		int port;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeHappyServerInitializer().initialize(context);
			context.refresh();
			port = context.getBean(FakeHappyServer.class).port();
			assertThat(accepts(port)).isTrue();
		}
		assertThat(accepts(port)).isFalse();
	}

	@Test
	void contextThatFailsToStartClosesTheServerItNeverCreated() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("broken", Object.class, () -> {
			throw new IllegalStateException("broken");
		});
		new FakeHappyServerInitializer().initialize(context);
		int port = URI.create(context.getEnvironment().getRequiredProperty("happy.server-url")).getPort();
		assertThat(accepts(port)).isTrue();
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
		assertThat(accepts(port)).isFalse();
	}

	@Test
	void serverThatCannotStartFailsTheFirstRead() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeHappyServerInitializer((builder) -> {
				throw new IllegalArgumentException("no such setting");
			}, null).initialize(context);
			assertThatIllegalStateException().isThrownBy(() -> context.getEnvironment().getProperty("happy.token"))
				.withMessage("The fake Happy server did not start")
				.withRootCauseInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void aheadOfTimeProcessingLeavesTheBeansToTheInitializerThatRunsAgainAtRunTime() {
		AotProcessing processing = AotProcessing
			.of(new ApplicationContextRunner().withInitializer(new FakeHappyServerInitializer()));
		assertThat(processing.generatedSources()).isNotEmpty()
			.noneMatch((name) -> name.contains("FakeHappy") || name.contains("HappyTestAccount"));
	}

}
