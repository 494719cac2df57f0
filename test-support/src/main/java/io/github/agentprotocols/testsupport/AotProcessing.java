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

package io.github.agentprotocols.testsupport;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

/**
 * Spring's ahead-of-time processing of the context a runner prepares (not refreshed), as
 * a build's {@code process-aot} does: what a starter must survive to run in AOT mode or a
 * native image.
 *
 * @param hints the runtime hints registered while processing
 * @param generatedSources the names of the generated source files
 */
public record AotProcessing(RuntimeHints hints, Set<String> generatedSources) {

	/**
	 * Process the context that a runner prepares.
	 * @param <A> the runner's assertable context type
	 * @param runner the runner, with the configuration and properties to process
	 * @return the hints and generated sources
	 */
	public static <A extends ApplicationContextAssertProvider<?>> AotProcessing of(
			AbstractApplicationContextRunner<?, ?, A> runner) {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		AtomicReference<RuntimeHints> hints = new AtomicReference<>();
		runner.prepare((context) -> {
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(AotProcessing.class)), files);
			new ApplicationContextAotGenerator().processAheadOfTime(
					(GenericApplicationContext) context.getSourceApplicationContext(), generationContext);
			generationContext.writeGeneratedContent();
			hints.set(generationContext.getRuntimeHints());
		});
		return new AotProcessing(hints.get(), files.getGeneratedFiles(Kind.SOURCE).keySet());
	}

}
