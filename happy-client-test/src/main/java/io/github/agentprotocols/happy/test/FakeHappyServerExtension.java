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

package io.github.agentprotocols.happy.test;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that starts one {@link FakeHappyServer} per test class
 * (shared with its nested classes), closes it after the class, resets its faults and
 * forgets its recorded requests before each test, and injects it, or a fresh
 * {@link HappyTestAccount} on it, into test and lifecycle method parameters.
 * <p>
 * Use {@code @ExtendWith(FakeHappyServerExtension.class)} for the defaults, or register
 * an instance to change the settings: <pre class="code">
 * &#064;RegisterExtension
 * static final FakeHappyServerExtension happy = new FakeHappyServerExtension(
 * 		(server) -&gt; server.rpcTimings(RpcTimings.shortened()));
 * </pre>
 */
public class FakeHappyServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeHappyServerExtension.class);

	private final Consumer<FakeHappyServer.Builder> settings;

	private volatile @Nullable FakeHappyServer started;

	/**
	 * Create an extension for a server with the default settings.
	 */
	public FakeHappyServerExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Create an extension for a server with custom settings.
	 * @param settings applied to the builder before the server starts
	 */
	public FakeHappyServerExtension(Consumer<FakeHappyServer.Builder> settings) {
		this.settings = settings;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == FakeHappyServer.class || type == HappyTestAccount.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		FakeHappyServer server = server(extensionContext);
		return (parameterContext.getParameter().getType() == HappyTestAccount.class) ? HappyTestAccount.create(server)
				: server;
	}

	/**
	 * The server this extension started for the running test class, for use from a
	 * {@code static} registration, e.g. in a {@code @DynamicPropertySource} supplier:
	 * {@code registry.add("happy.server-url", () -> happy.server().url())}.
	 * @return the server
	 * @throws IllegalStateException if no test class has started yet
	 */
	public FakeHappyServer server() {
		FakeHappyServer server = this.started;
		if (server == null) {
			throw new IllegalStateException("The fake Happy server starts before the test class's @BeforeAll methods");
		}
		return server;
	}

	private FakeHappyServer server(ExtensionContext context) {
		FakeHappyServer server = context.getStore(NAMESPACE).computeIfAbsent(FakeHappyServer.class, (key) -> {
			FakeHappyServer.Builder builder = FakeHappyServer.builder();
			this.settings.accept(builder);
			return builder.start();
		}, FakeHappyServer.class);
		this.started = server;
		return server;
	}

}
