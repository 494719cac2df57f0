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

import java.util.HashMap;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The environment variables of the LIME site SDK configure the starter, and a missing
 * site token stops the application with a report naming what to set.
 */
@ExtendWith({ FakeLimeApiExtension.class, OutputCaptureExtension.class })
class LimeEnvironmentVariablesTests {

	@Test
	@SpecItem("LIME-7.reads_token_from_env")
	@SpecItem("LIME-7.reads_base_url_from_env")
	void siteTokenAndApiBaseComeFromTheSdkEnvironmentVariables(FakeLimeApi fake) {
		Map<String, String> env = Map.of("LIME_SITE_TOKEN", fake.siteToken(), "LIME_API_BASE", fake.baseUrl() + "/");
		try (ConfigurableApplicationContext context = start(env)) {
			LimeSite site = context.getBean(LimeSite.class);
			assertThat(site.getApiBase()).isEqualTo(fake.baseUrl());
			LoginRequest request = site.createLoginRequest().block();
			assertThat(fake.status(request.requestId()).name()).isEqualTo("PENDING");
			assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(0).header("X-Site-Token"))
				.isEqualTo(fake.siteToken());
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			assertThat(sources.precedenceOf(sources.get(LimeEnvironmentPostProcessor.PROPERTY_SOURCE)))
				.isEqualTo(sources.precedenceOf(sources.get("systemEnvironment")) - 1);
		}
	}

	@Test
	void configuredApiBaseWinsOverTheEnvironmentVariable(FakeLimeApi fake) {
		Map<String, String> env = Map.of("LIME_SITE_TOKEN", fake.siteToken(), "LIME_API_BASE",
				"http://127.0.0.1:1/api/v1");
		try (ConfigurableApplicationContext context = start(env, "--lime.site.api-base=" + fake.baseUrl())) {
			assertThat(context.getBean(LimeSite.class).getApiBase()).isEqualTo(fake.baseUrl());
		}
	}

	@Test
	@SpecItem("LIME-7.missing_token_raises")
	void missingSiteTokenFailsStartUpNamingThePropertyAndTheEnvironmentVariable(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of()).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The property 'lime.site.token' has no value")
			.contains("Set 'lime.site.token' in your application configuration, or the environment variable "
					+ "LIME_SITE_TOKEN.");
	}

	@Test
	void blankSiteTokenFailsStartUpLikeAMissingOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("LIME_SITE_TOKEN", " "), "--lime.site.token= ").close());
		assertThat(output).contains("The property 'lime.site.token' has no value");
	}

	@Test
	void disabledStarterNeedsNoSiteToken() {
		try (ConfigurableApplicationContext context = start(Map.of(), "--lime.enabled=false")) {
			assertThat(context.getBeanNamesForType(LimeSite.class)).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(Map<String, String> env, String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env)));
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		return application.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
