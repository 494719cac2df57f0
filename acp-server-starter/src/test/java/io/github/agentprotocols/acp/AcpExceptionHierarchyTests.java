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

package io.github.agentprotocols.acp;

import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public exception class of the starter extends {@link AcpException}, so an
 * application catches all of them with one type (private ones are signals that never
 * leave the starter).
 */
class AcpExceptionHierarchyTests {

	@Test
	void everyExceptionOfTheStarterIsAnAcpException() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Throwable.class));
		List<Class<?>> exceptions = scanner.findCandidateComponents("io.github.agentprotocols.acp")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, getClass().getClassLoader()))
			.filter((type) -> Modifier.isPublic(type.getModifiers()))
			.filter((type) -> !type.getProtectionDomain()
				.getCodeSource()
				.getLocation()
				.getPath()
				.contains("test-classes"))
			.toList();
		assertThat(exceptions).contains(AcpException.class, ThreadStoreUnavailableException.class,
				DuplicateEventIdException.class);
		assertThat(exceptions).allSatisfy((type) -> assertThat(AcpException.class).isAssignableFrom(type));
	}

}
