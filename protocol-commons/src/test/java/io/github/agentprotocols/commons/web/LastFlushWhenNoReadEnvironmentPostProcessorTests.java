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

package io.github.agentprotocols.commons.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LastFlushWhenNoReadEnvironmentPostProcessor}.
 */
class LastFlushWhenNoReadEnvironmentPostProcessorTests {

	private static final String PROPERTY = LastFlushWhenNoReadEnvironmentPostProcessor.PROPERTY;

	private final LastFlushWhenNoReadEnvironmentPostProcessor postProcessor = new LastFlushWhenNoReadEnvironmentPostProcessor();

	private @Nullable String saved;

	@BeforeEach
	void clearProperty() {
		this.saved = System.clearProperty(PROPERTY);
	}

	@AfterEach
	void restoreProperty() {
		if (this.saved != null) {
			System.setProperty(PROPERTY, this.saved);
		}
		else {
			System.clearProperty(PROPERTY);
		}
	}

	@Test
	void turnsTheSettingOnWhenNothingSetsIt() {
		this.postProcessor.postProcessEnvironment(new MockEnvironment(), new SpringApplication());
		assertThat(System.getProperty(PROPERTY)).isEqualTo("true");
	}

	@Test
	void keepsASystemPropertyTheUserSet() {
		System.setProperty(PROPERTY, "false");
		this.postProcessor.postProcessEnvironment(new MockEnvironment().withProperty(PROPERTY, "true"),
				new SpringApplication());
		assertThat(System.getProperty(PROPERTY)).isEqualTo("false");
	}

	@Test
	void takesTheValueTheApplicationConfigures() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("application", Map.of(PROPERTY, "false")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(System.getProperty(PROPERTY)).isEqualTo("false");
	}

	@Test
	void leavesTheSettingAloneWithoutReactorNetty() {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("reactor.netty")));
		this.postProcessor.postProcessEnvironment(new MockEnvironment(), application);
		assertThat(System.getProperty(PROPERTY)).isNull();
	}

}
