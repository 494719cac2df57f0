package io.github.agentprotocols.lime.test.context;

import java.util.Map;
import java.util.function.Consumer;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An {@link ApplicationContextInitializer} that runs a {@link FakeLimeApi} for an
 * application context: it starts the fake, points {@code lime.site.api-base} and
 * {@code lime.site.token} at it (property source {@value #PROPERTY_SOURCE}, ahead of
 * every other), and registers the fake as the bean {@value #FAKE_BEAN_NAME} and an agent
 * for it as the {@link LimeAgent} bean {@value #AGENT_BEAN_NAME}. The fake closes with
 * the context, after its lifecycle beans (the LIME event stream) have stopped, or when
 * the context fails to start. A context that already has the fake is left as it is.
 * <p>
 * Tests get it through {@link AutoConfigureFakeLimeApi}. An application can add it too,
 * for example to run offline in a demo profile:
 * {@code application.addInitializers(new FakeLimeApiInitializer())}.
 */
public class FakeLimeApiInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Name of the {@link FakeLimeApi} bean. */
	public static final String FAKE_BEAN_NAME = "fakeLimeApi";

	/** Name of the {@link LimeAgent} bean. */
	public static final String AGENT_BEAN_NAME = "fakeLimeAgent";

	/** Name of the property source pointing the LIME site properties at the fake. */
	public static final String PROPERTY_SOURCE = "fakeLimeApi";

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
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory.containsSingleton(FAKE_BEAN_NAME)) {
			return;
		}
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
			throw new IllegalStateException("The fake LIME API needs a bean factory that destroys registered "
					+ "singletons, not a " + beanFactory.getClass().getName());
		}
		FakeLimeApi.Builder builder = FakeLimeApi.builder();
		this.settings.accept(builder);
		FakeLimeApi fake = builder.start();
		registry.registerSingleton(FAKE_BEAN_NAME, fake);
		registry.registerDisposableBean(FAKE_BEAN_NAME, fake::close);
		registry.registerSingleton(AGENT_BEAN_NAME, fake.agent());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("lime.site.api-base", fake.baseUrl(), "lime.site.token", fake.siteToken())));
	}

}
