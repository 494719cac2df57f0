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

package io.github.agentprotocols.lime.test.context;

import java.util.Map;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.LimeAgent.LimeAgentException;
import io.github.agentprotocols.testsupport.AotProcessing;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FakeLimeApiInitializer}: a fake for the context's lifetime, ahead of the
 * configured LIME site.
 */
class FakeLimeApiInitializerTests {

	@Test
	void fakeAndAgentAreBeansAndTheFakeClosesWithTheContext() {
		FakeLimeApi fake;
		LimeAgent agent;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeLimeApiInitializer((builder) -> builder.powDifficulty(2)).initialize(context);
			context.refresh();
			fake = context.getBean(FakeLimeApi.class);
			agent = context.getBean(LimeAgent.class);
			assertThat(agent.challenge(fake.createLoginRequestDirectly()).powDifficulty()).isEqualTo(2);
		}
		String requestId = fake.createLoginRequestDirectly();
		assertThatExceptionOfType(LimeAgentException.class).isThrownBy(() -> agent.challenge(requestId))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isZero());
	}

	@Test
	void fakeWinsOverTheConfiguredSite() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("configured",
						Map.of("lime.site.api-base", "https://lime.pics/api/v1", "lime.site.token", "st_real")));
			new FakeLimeApiInitializer().initialize(context);
			context.refresh();
			FakeLimeApi fake = context.getBean(FakeLimeApi.class);
			assertThat(context.getEnvironment().getProperty("lime.site.api-base")).isEqualTo(fake.baseUrl());
			assertThat(context.getEnvironment().getProperty("lime.site.token")).isEqualTo(fake.siteToken());
		}
	}

	@Test
	void connectionDetailsOfTheFakeAreABean() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeLimeApiInitializer().initialize(context);
			context.refresh();
			FakeLimeApi fake = context.getBean(FakeLimeApi.class);
			LimeConnectionDetails details = context.getBean(LimeConnectionDetails.class);
			assertThat(details.getApiBase()).isEqualTo(fake.baseUrl());
			assertThat(details.getSiteToken()).isEqualTo(fake.siteToken());
		}
	}

	@Test
	void withoutSpringBootTheFakeRegistersNoConnectionDetails() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setClassLoader(new FilteredClassLoader(ConnectionDetails.class));
			new FakeLimeApiInitializer().initialize(context);
			context.refresh();
			assertThat(context.getBeanNamesForType(LimeConnectionDetails.class)).isEmpty();
			assertThat(context.getBean(FakeLimeApi.class).siteToken())
				.isEqualTo(context.getEnvironment().getProperty("lime.site.token"));
		}
	}

	@Test
	void secondInitializerKeepsTheFirstFake() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new FakeLimeApiInitializer().initialize(context);
			String firstToken = context.getEnvironment().getProperty("lime.site.token");
			new FakeLimeApiInitializer().initialize(context);
			context.refresh();
			FakeLimeApi first = context.getBean(FakeLimeApi.class);
			assertThat(first.siteToken()).isEqualTo(firstToken);
			assertThat(context.getBeansOfType(FakeLimeApi.class))
				.containsOnly(Map.entry(FakeLimeApiInitializer.FAKE_BEAN_NAME, first));
			assertThat(context.getEnvironment().getProperty("lime.site.token")).isEqualTo(first.siteToken());
		}
	}

	@Test
	void aheadOfTimeProcessingLeavesTheBeansToTheInitializerThatRunsAgainAtRunTime() {
		AotProcessing processing = AotProcessing
			.of(new ApplicationContextRunner().withInitializer(new FakeLimeApiInitializer()));
		assertThat(processing.generatedSources()).isNotEmpty()
			.noneMatch((name) -> name.contains("FakeLime") || name.contains("LimeAgent"));
	}

}
