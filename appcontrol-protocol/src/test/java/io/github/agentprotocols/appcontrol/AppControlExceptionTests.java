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

package io.github.agentprotocols.appcontrol;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One base exception: every exception type app-control throws at its users is an
 * {@link AppControlException}.
 */
class AppControlExceptionTests {

	/** The one internal package with an exception of its own, a checked I/O one. */
	private static final String INTERNAL = "io.github.agentprotocols.appcontrol.unix.";

	@Test
	void everyExceptionTypeOfTheStarterExtendsTheBaseException() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Throwable.class));
		List<Class<?>> exceptions = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("io.github.agentprotocols.appcontrol")) {
			Class<?> type = ClassUtils.forName(definition.getBeanClassName(), getClass().getClassLoader());
			if (!type.getName().startsWith(INTERNAL) && !type.getName().endsWith("Tests")) {
				exceptions.add(type);
			}
		}
		assertThat(exceptions).extracting(Class::getSimpleName)
			.contains("ProtocolValidationException", "AppControlConfigException", "AppControlTransportException",
					"ServiceRejection");
		assertThat(exceptions).allSatisfy((type) -> assertThat(type).isAssignableTo(AppControlException.class));
	}

}
