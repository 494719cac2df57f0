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

package io.github.agentprotocols.acp.run;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Registers the assistants that beans declare with {@link AcpAssistant @AcpAssistant} in
 * the {@link AssistantRegistry}: {@link AssistantHandler} beans annotated on their class
 * or on their {@code @Bean} method, and annotated handler methods of any bean. An
 * {@link AssistantHandler} bean without the annotation, a handler method with the wrong
 * signature, or an id registered twice fails the bean's creation, and so the
 * application's start-up.
 */
@Internal
public class AcpAssistantBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final Supplier<AssistantRegistry> registry;

	private @Nullable ListableBeanFactory beanFactory;

	/**
	 * Creates a post-processor.
	 * @param registry supplies the registry when the first assistant is found
	 */
	public AcpAssistantBeanPostProcessor(Supplier<AssistantRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (bean instanceof AssistantHandler handler) {
			AcpAssistant assistant = assistantOf(beanName, type);
			if (assistant == null) {
				throw new BeanInitializationException("AssistantHandler bean '" + beanName
						+ "' has no assistant id: annotate its class or its @Bean method with @AcpAssistant");
			}
			register(assistant.value(), handler, "bean '" + beanName + "'");
		}
		Map<Method, AcpAssistant> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<AcpAssistant>) (
						method) -> AnnotatedElementUtils.hasAnnotation(method, Bean.class) ? null
								: AnnotatedElementUtils.findMergedAnnotation(method, AcpAssistant.class));
		methods.forEach((method, assistant) -> {
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			try {
				register(assistant.value(), new MethodAssistantHandler(bean, invocable),
						"method " + type.getName() + "." + method.getName() + " of bean '" + beanName + "'");
			}
			catch (IllegalArgumentException ex) {
				throw new BeanInitializationException(ex.getMessage(), ex);
			}
		});
		return bean;
	}

	private @Nullable AcpAssistant assistantOf(String beanName, Class<?> type) {
		ListableBeanFactory beanFactory = this.beanFactory;
		if (beanFactory != null && beanFactory.containsBeanDefinition(beanName)) {
			return beanFactory.findAnnotationOnBean(beanName, AcpAssistant.class);
		}
		return AnnotatedElementUtils.findMergedAnnotation(type, AcpAssistant.class);
	}

	private void register(String assistantId, AssistantHandler handler, String source) {
		try {
			this.registry.get().register(assistantId, handler, source);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new BeanInitializationException(ex.getMessage(), ex);
		}
	}

}
