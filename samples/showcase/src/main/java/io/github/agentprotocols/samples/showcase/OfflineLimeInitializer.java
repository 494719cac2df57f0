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

package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.lime.test.context.FakeLimeApiInitializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets the showcase start with no external service: when no LIME site token is configured
 * ({@code lime.site.token} or {@code LIME_SITE_TOKEN}), it runs the fake LIME API of the
 * {@code lime-site-test} kit in this process ({@link FakeLimeApiInitializer}: the fake
 * and its demo agent as beans, {@code lime.site.*} pointed at it, started beside the
 * context, closed with it).
 */
class OfflineLimeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(OfflineLimeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("lime.enabled", Boolean.class, true)
				|| StringUtils.hasText(environment.getProperty("lime.site.token"))) {
			return;
		}
		new FakeLimeApiInitializer().initialize(context);
		logger.info("No LIME site token configured: using a fake LIME API in this process "
				+ "(set lime.site.token or LIME_SITE_TOKEN to use LIME)");
	}

}
