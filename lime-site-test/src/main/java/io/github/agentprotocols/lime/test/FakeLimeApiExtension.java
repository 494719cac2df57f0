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

package io.github.agentprotocols.lime.test;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that starts one {@link FakeLimeApi} per test class (shared
 * with its nested classes), closes it after the class, resets its faults and recorded
 * requests before each test, and injects it, or a {@link LimeAgent} for it, into test and
 * lifecycle method parameters.
 * <p>
 * Use {@code @ExtendWith(FakeLimeApiExtension.class)} for the defaults, or register an
 * instance to change the settings: <pre class="code">
 * &#064;RegisterExtension
 * static final FakeLimeApiExtension lime = new FakeLimeApiExtension(
 * 		(fake) -&gt; fake.requestTtl(Duration.ofSeconds(2)).sseIds(true));
 * </pre>
 */
public class FakeLimeApiExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeLimeApiExtension.class);

	private final Consumer<FakeLimeApi.Builder> settings;

	private volatile @Nullable FakeLimeApi started;

	/**
	 * Create an extension for a fake with the default settings.
	 */
	public FakeLimeApiExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Create an extension for a fake with custom settings.
	 * @param settings applied to the builder before the fake starts
	 */
	public FakeLimeApiExtension(Consumer<FakeLimeApi.Builder> settings) {
		this.settings = settings;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		fake(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		fake(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == FakeLimeApi.class || type == LimeAgent.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		FakeLimeApi fake = fake(extensionContext);
		return (parameterContext.getParameter().getType() == LimeAgent.class) ? fake.agent() : fake;
	}

	/**
	 * The fake this extension started for the running test class, for use from a
	 * {@code static} registration, e.g. in a {@code @DynamicPropertySource} supplier:
	 * {@code registry.add("lime.api-base", () -> lime.fake().baseUrl())}.
	 * @return the fake
	 * @throws IllegalStateException if no test class has started yet
	 */
	public FakeLimeApi fake() {
		FakeLimeApi fake = this.started;
		if (fake == null) {
			throw new IllegalStateException("The fake LIME API starts before the test class's @BeforeAll methods");
		}
		return fake;
	}

	private FakeLimeApi fake(ExtensionContext context) {
		FakeLimeApi fake = context.getStore(NAMESPACE).computeIfAbsent(FakeLimeApi.class, (key) -> {
			FakeLimeApi.Builder builder = FakeLimeApi.builder();
			this.settings.accept(builder);
			return builder.start();
		}, FakeLimeApi.class);
		this.started = fake;
		return fake;
	}

}
