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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.WireValue;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.testsupport.AotProcessing;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration passes Spring's AOT processing and registers, through
 * {@code @ImportRuntimeHints}, the hints a native image needs: the packaged JSON Schemas
 * and the wire types an application's Jackson binds.
 */
class AppControlRuntimeHintsTests {

	private static final String WIRE_PACKAGE = "io/github/agentprotocols/appcontrol/";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class));

	@Test
	void aotProcessingRegistersSchemaAndWireTypeHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(
				RuntimeHintsPredicates.resource().forResource(ProtocolSchemas.LOCATION + "service-request.schema.json"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ToolCommand.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ToolObservation.class, "fromMap"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ServiceRequest.class, "fromMap"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ToolStatus.class, "fromWire")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WireValue.class, "wireValue")).accepts(hints);
	}

	@Test
	void everyPackagedSchemaIsARegisteredResource() throws IOException {
		RuntimeHints hints = processAheadOfTime();
		Resource[] schemas = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + ProtocolSchemas.LOCATION + "*.json");
		assertThat(schemas).hasSize(9);
		for (Resource schema : schemas) {
			assertThat(RuntimeHintsPredicates.resource().forResource(ProtocolSchemas.LOCATION + schema.getFilename()))
				.as(schema.getFilename())
				.accepts(hints);
		}
	}

	@Test
	void everyJacksonAnnotatedMethodOfTheWireTypesIsInvocable() throws Exception {
		RuntimeHints hints = processAheadOfTime();
		List<Method> annotated = jacksonAnnotatedMethods();
		assertThat(annotated).hasSizeGreaterThanOrEqualTo(15);
		for (Method method : annotated) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
				.accepts(hints);
		}
	}

	private RuntimeHints processAheadOfTime() {
		return AotProcessing.of(this.contextRunner).hints();
	}

	private static List<Method> jacksonAnnotatedMethods() throws Exception {
		List<Method> methods = new ArrayList<>();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + WIRE_PACKAGE + "*.class")) {
			Class<?> type = Class.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName());
			for (Method method : type.getDeclaredMethods()) {
				if (hasJacksonAnnotation(method)) {
					methods.add(method);
				}
			}
		}
		return methods;
	}

	private static boolean hasJacksonAnnotation(Method method) {
		for (var annotation : method.getAnnotations()) {
			if (annotation.annotationType().getPackageName().startsWith("com.fasterxml.jackson.annotation")) {
				return true;
			}
		}
		return false;
	}

}
