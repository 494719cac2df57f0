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

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.context.FakeLimeApiInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the site reaches LIME: a {@link LimeConnectionDetails} bean, the fake LIME API's
 * one included, wins over {@code lime.site.*}, which otherwise make the connection
 * details.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeConnectionDetailsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class));

	@Test
	void applicationWiredOnlyByTheFakesConnectionDetailsTalksToTheFake() {
		this.runner.withInitializer(new FakeLimeApiInitializer())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(FakeLimeApiInitializer.PROPERTY_SOURCE))
			.run((context) -> {
				assertThat(context.getEnvironment().getProperty("lime.site.token")).isNull();
				FakeLimeApi fake = context.getBean(FakeLimeApi.class);
				assertThat(context.getBean(LimeConnectionDetails.class).getApiBase()).isEqualTo(fake.baseUrl());
				assertTalksTo(context, fake);
			});
	}

	@Test
	void connectionDetailsBeanWinsOverTheProperties(FakeLimeApi fake) {
		this.runner.withPropertyValues("lime.site.api-base=http://127.0.0.1:1/api/v1", "lime.site.token=st_elsewhere")
			.withBean(LimeConnectionDetails.class, () -> LimeConnectionDetails.of(fake.baseUrl(), fake.siteToken()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesLimeConnectionDetails.class);
				assertTalksTo(context, fake);
			});
	}

	@Test
	void withoutABeanThePropertiesAreTheConnectionDetails() {
		this.runner.withPropertyValues("lime.site.api-base=http://127.0.0.1:1/api/v1", "lime.site.token=st_props")
			.run((context) -> {
				LimeConnectionDetails details = context.getBean(LimeConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesLimeConnectionDetails.class);
				assertThat(details.getApiBase()).isEqualTo("http://127.0.0.1:1/api/v1");
				assertThat(details.getSiteToken()).isEqualTo("st_props");
			});
	}

	private static void assertTalksTo(AssertableApplicationContext context, FakeLimeApi fake) {
		assertThat(context).hasNotFailed();
		LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
		await().atMost(WAIT).until(() -> dispatcher.getState().status() == Status.CONNECTED);
		LoginRequest request = context.getBean(LimeSite.class).createLoginRequest().block(WAIT);
		assertThat(fake.status(request.requestId())).isNotNull();
		assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).last()
			.satisfies((created) -> assertThat(created.header("X-Site-Token")).isEqualTo(fake.siteToken()));
	}

}
