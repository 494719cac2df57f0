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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Something an {@link org.springframework.context.ApplicationContextInitializer} starts
 * on a thread of its own while the application context goes on starting, such as a test
 * kit's fake server: the properties and beans the context takes from it are registered at
 * once, and reading one waits for the start (and fails if the start failed).
 *
 * @param <T> what the start gives
 */
public final class BackgroundStart<T> {

	private final String description;

	private final CompletableFuture<T> start;

	private BackgroundStart(String description, CompletableFuture<T> start) {
		this.description = description;
		this.start = start;
	}

	/**
	 * Begin a start on a new daemon thread.
	 * @param <T> what the start gives
	 * @param description what starts, for the thread's name and the failure's message,
	 * e.g. {@code "fake LIME API"}
	 * @param start the start
	 * @return the start under way
	 */
	public static <T> BackgroundStart<T> begin(String description, Supplier<T> start) {
		return new BackgroundStart<>(description,
				CompletableFuture.supplyAsync(start, (task) -> startThread(task, description)));
	}

	/**
	 * Begin a second start, on a new daemon thread, once this one has succeeded.
	 * @param <R> what the second start gives
	 * @param description what starts
	 * @param start the second start, given what this one gave
	 * @return the second start under way
	 */
	public <R> BackgroundStart<R> then(String description, Function<T, R> start) {
		return new BackgroundStart<>(description,
				this.start.thenApplyAsync(start, (task) -> startThread(task, description)));
	}

	/**
	 * Wait for the start.
	 * @return what it gave
	 * @throws IllegalStateException if it failed, with its failure as the cause
	 */
	public T await() {
		try {
			return this.start.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The " + this.description + " did not start", ex.getCause());
		}
	}

	/**
	 * Close what the start gives when the context's beans are destroyed: on close, or
	 * when the context fails to start, even before any of its beans was created. Waits
	 * for a start still under way; does nothing for a start that failed.
	 * @param context the context
	 * @param name a name of its own among the context's beans
	 * @param close how to close it
	 */
	public void closeWith(ConfigurableApplicationContext context, String name, Consumer<T> close) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
			throw new IllegalStateException("The " + this.description + " needs a bean factory that destroys "
					+ "registered singletons, not a " + beanFactory.getClass().getName());
		}
		registry.registerDisposableBean(name, () -> {
			try {
				close.accept(this.start.join());
			}
			catch (CompletionException ex) {
				// It did not start: nothing runs.
			}
		});
	}

	/**
	 * Register a bean taken from what the start gives, created when first needed. The
	 * context does not destroy it: see {@link #closeWith}. Ahead-of-time processing
	 * leaves it out of the generated code: in AOT mode the initializer runs again and
	 * registers it, as in a regular run.
	 * @param <B> the bean's type
	 * @param context the context
	 * @param name the bean's name
	 * @param type the bean's type
	 * @param part the bean, from what the start gave
	 */
	public <B> void registerBean(ConfigurableApplicationContext context, String name, Class<B> type,
			Function<T, B> part) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("The " + this.description + " needs a bean factory that registers "
					+ "bean definitions, not a " + beanFactory.getClass().getName());
		}
		RootBeanDefinition definition = new RootBeanDefinition(type, () -> part.apply(await()));
		definition.setDestroyMethodName("");
		definition.setAttribute(BeanRegistrationAotProcessor.IGNORE_REGISTRATION_ATTRIBUTE, true);
		registry.registerBeanDefinition(name, definition);
	}

	/**
	 * Add properties taken from what the start gives ahead of every other property
	 * source: their names are known at once, reading one of their values waits.
	 * @param context the context
	 * @param name the property source's name
	 * @param properties the properties, from what the start gave
	 * @param names the names {@code properties} gives
	 */
	public void addPropertiesFirst(ConfigurableApplicationContext context, String name,
			Function<T, Map<String, Object>> properties, String... names) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new StartedPropertySource<>(name, this, properties, names));
	}

	private static void startThread(Runnable task, String description) {
		Thread thread = new Thread(task, description.replace(' ', '-') + "-start");
		thread.setDaemon(true);
		thread.start();
	}

	private static final class StartedPropertySource<T> extends EnumerablePropertySource<BackgroundStart<T>> {

		private final Function<T, Map<String, Object>> properties;

		private final String[] names;

		StartedPropertySource(String name, BackgroundStart<T> start, Function<T, Map<String, Object>> properties,
				String[] names) {
			super(name, start);
			this.properties = properties;
			this.names = names.clone();
		}

		@Override
		public String[] getPropertyNames() {
			return this.names.clone();
		}

		@Override
		public @Nullable Object getProperty(String name) {
			for (String candidate : this.names) {
				if (candidate.equals(name)) {
					return this.properties.apply(getSource().await()).get(name);
				}
			}
			return null;
		}

	}

}
