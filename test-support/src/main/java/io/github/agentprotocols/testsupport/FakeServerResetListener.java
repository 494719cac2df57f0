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

import java.lang.annotation.Annotation;
import java.util.function.Consumer;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * A {@link TestExecutionListener} that resets a test kit's fake server before each test
 * method of a test class carrying the kit's annotation (found as Spring Test finds it:
 * meta-annotations and enclosing classes count), when the context has the fake's bean. A
 * kit registers a subclass in {@code META-INF/spring.factories}.
 *
 * @param <F> the type of the fake
 */
public abstract class FakeServerResetListener<F> implements TestExecutionListener, Ordered {

	private final Class<? extends Annotation> annotation;

	private final String beanName;

	private final Class<F> type;

	private final Consumer<F> reset;

	/**
	 * Create a listener.
	 * @param annotation the kit's annotation that puts the fake in the test's context
	 * @param beanName the name of the fake's bean
	 * @param type the type of the fake
	 * @param reset what resets the fake (faults off, recorded requests forgotten)
	 */
	protected FakeServerResetListener(Class<? extends Annotation> annotation, String beanName, Class<F> type,
			Consumer<F> reset) {
		this.annotation = annotation;
		this.beanName = beanName;
		this.type = type;
		this.reset = reset;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), this.annotation) == null) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(this.beanName)) {
			this.reset.accept(context.getBean(this.beanName, this.type));
		}
	}

}
