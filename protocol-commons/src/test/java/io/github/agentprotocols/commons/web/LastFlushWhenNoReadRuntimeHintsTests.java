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

import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AOT processing of an application registers the hint that lets
 * {@link LastFlushWhenNoReadEnvironmentPostProcessor} find Reactor Netty's server by name
 * in a native image, where a class looked up by name must be registered.
 */
class LastFlushWhenNoReadRuntimeHintsTests {

	@Test
	void aotProcessingRegistersTheServerTypeLookedUpByName() {
		AtomicReference<RuntimeHints> hints = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class))
			.prepare((context) -> {
				DefaultGenerationContext generationContext = new DefaultGenerationContext(
						new ClassNameGenerator(ClassName.get(LastFlushWhenNoReadRuntimeHintsTests.class)),
						new InMemoryGeneratedFiles());
				new ApplicationContextAotGenerator().processAheadOfTime(
						(GenericApplicationContext) context.getSourceApplicationContext(), generationContext);
				hints.set(generationContext.getRuntimeHints());
			});
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(LastFlushWhenNoReadEnvironmentPostProcessor.REACTOR_NETTY_HTTP_SERVER)))
			.accepts(hints.get());
	}

}
