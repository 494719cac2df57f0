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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * An {@link AssistantHandler} that calls an
 * {@link io.github.agentprotocols.acp.AcpAssistant @AcpAssistant} method of a bean: one
 * returning a {@code Publisher<Event>} and taking a {@link HandlerContext}, a
 * {@link HandlerSend}, both in either order, or neither.
 */
final class MethodAssistantHandler implements AssistantHandler {

	private final Object bean;

	private final Method method;

	/**
	 * Creates a handler for a method.
	 * @param bean the bean
	 * @param method the method, invocable on the bean
	 * @throws IllegalArgumentException if the method's signature does not fit
	 */
	MethodAssistantHandler(Object bean, Method method) {
		ResolvableType returned = ResolvableType.forMethodReturnType(method);
		if (!Publisher.class.isAssignableFrom(method.getReturnType())
				|| !Event.class.isAssignableFrom(returned.as(Publisher.class).getGeneric().toClass())) {
			throw new IllegalArgumentException("@AcpAssistant method " + method + " must return a Publisher<Event>");
		}
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length > 2 || Arrays.stream(parameters).distinct().count() != parameters.length
				|| !Arrays.stream(parameters)
					.allMatch((type) -> type == HandlerContext.class || type == HandlerSend.class)) {
			throw new IllegalArgumentException("@AcpAssistant method " + method
					+ " may only take a HandlerContext and a HandlerSend, each at most once");
		}
		ReflectionUtils.makeAccessible(method);
		this.bean = bean;
		this.method = method;
	}

	@Override
	public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
		Object[] arguments = Arrays.stream(this.method.getParameterTypes())
			.map((type) -> (type == HandlerContext.class) ? context : send)
			.toArray();
		try {
			@SuppressWarnings("unchecked")
			Publisher<Event> events = (Publisher<Event>) this.method.invoke(this.bean, arguments);
			return (events != null) ? events
					: Flux.error(new IllegalStateException("@AcpAssistant method " + this.method + " returned null"));
		}
		catch (InvocationTargetException ex) {
			return Flux.error(ex.getTargetException());
		}
		catch (IllegalAccessException ex) {
			return Flux.error(ex);
		}
	}

	@Override
	public String toString() {
		return this.method.toGenericString();
	}

}
