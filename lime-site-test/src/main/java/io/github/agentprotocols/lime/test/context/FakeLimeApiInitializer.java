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

package io.github.agentprotocols.lime.test.context;

import java.util.Map;
import java.util.function.Consumer;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.testsupport.BackgroundStart;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * An {@link ApplicationContextInitializer} that runs a {@link FakeLimeApi} for an
 * application context: it starts the fake, points {@code lime.site.api-base} and
 * {@code lime.site.token} at it (property source {@value #PROPERTY_SOURCE}, ahead of
 * every other), and registers the fake as the bean {@value #FAKE_BEAN_NAME} and an agent
 * for it as the {@link LimeAgent} bean {@value #AGENT_BEAN_NAME}; with Spring Boot on the
 * class path, it also registers a {@link LimeConnectionDetails} for the fake, which the
 * LIME site starter prefers to the properties. The fake closes with the context, after
 * its lifecycle beans (the LIME event stream) have stopped, or when the context fails to
 * start. A context that already has the fake is left as it is.
 * <p>
 * The fake starts on a thread of its own while the context goes on starting: reading one
 * of the two properties, or getting one of the beans, waits for it (and fails if it could
 * not start).
 * <p>
 * Tests get it through {@link AutoConfigureFakeLimeApi}. An application can add it too,
 * for example to run offline in a demo profile:
 * {@code application.addInitializers(new FakeLimeApiInitializer())}. Ahead-of-time
 * processing leaves its beans out of the generated code: in AOT mode the initializer runs
 * again and registers them, once.
 */
public class FakeLimeApiInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Name of the {@link FakeLimeApi} bean. */
	public static final String FAKE_BEAN_NAME = "fakeLimeApi";

	/** Name of the {@link LimeAgent} bean. */
	public static final String AGENT_BEAN_NAME = "fakeLimeAgent";

	/** Name of the property source pointing the LIME site properties at the fake. */
	public static final String PROPERTY_SOURCE = "fakeLimeApi";

	private static final String BOOT_CONNECTION_DETAILS = "org.springframework.boot.autoconfigure.service.connection.ConnectionDetails";

	private final Consumer<FakeLimeApi.Builder> settings;

	/**
	 * Create an initializer for a fake with the default settings.
	 */
	public FakeLimeApiInitializer() {
		this((builder) -> {
		});
	}

	/**
	 * Create an initializer for a fake with custom settings.
	 * @param settings applied to the builder before the fake starts
	 */
	public FakeLimeApiInitializer(Consumer<FakeLimeApi.Builder> settings) {
		this.settings = settings;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getBeanFactory().containsBeanDefinition(FAKE_BEAN_NAME)) {
			return;
		}
		BackgroundStart<FakeLimeApi> fake = BackgroundStart.begin("fake LIME API", () -> {
			FakeLimeApi.Builder builder = FakeLimeApi.builder();
			this.settings.accept(builder);
			return builder.start();
		});
		fake.closeWith(context, FAKE_BEAN_NAME + "Start", FakeLimeApi::close);
		fake.registerBean(context, FAKE_BEAN_NAME, FakeLimeApi.class, (started) -> started);
		fake.registerBean(context, AGENT_BEAN_NAME, LimeAgent.class, FakeLimeApi::agent);
		if (ClassUtils.isPresent(BOOT_CONNECTION_DETAILS, context.getClassLoader())) {
			FakeLimeConnectionDetails.register(context, fake);
		}
		fake.addPropertiesFirst(context, PROPERTY_SOURCE,
				(started) -> Map.of("lime.site.api-base", started.baseUrl(), "lime.site.token", started.siteToken()),
				"lime.site.api-base", "lime.site.token");
	}

}
