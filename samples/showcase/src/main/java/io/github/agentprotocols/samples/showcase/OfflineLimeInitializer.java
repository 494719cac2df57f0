package io.github.agentprotocols.samples.showcase;

import java.util.Map;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets the showcase start with no external service: when no LIME site token is configured
 * ({@code lime.site.token} or {@code LIME_SITE_TOKEN}), it starts the fake LIME API of
 * the {@code lime-site-test} kit in this process and points {@code lime.site.*} at it,
 * before the LIME beans are created. The fake is a singleton of the context and closes
 * with it, after the LIME event stream (or when start-up fails).
 */
class OfflineLimeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PROPERTY_SOURCE = "offlineLime";

	static final String BEAN_NAME = "offlineLimeApi";

	private static final Log logger = LogFactory.getLog(OfflineLimeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("lime.enabled", Boolean.class, true)
				|| StringUtils.hasText(environment.getProperty("lime.site.token"))
				|| !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
			return;
		}
		FakeLimeApi lime = FakeLimeApi.start();
		beans.registerSingleton(BEAN_NAME, lime);
		beans.registerDisposableBean(BEAN_NAME, lime::close);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("lime.site.api-base", lime.baseUrl(), "lime.site.token", lime.siteToken())));
		logger.info("No LIME site token configured: using the fake LIME API at " + lime.baseUrl()
				+ " (set lime.site.token or LIME_SITE_TOKEN to use LIME)");
	}

}
