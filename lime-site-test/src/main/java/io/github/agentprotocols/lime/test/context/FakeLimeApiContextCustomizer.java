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

import java.time.Duration;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.JwksMode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A {@link ContextCustomizer} running a {@link FakeLimeApi} with the settings of an
 * {@link AutoConfigureFakeLimeApi}; equal settings make equal customizers, so the test
 * context cache shares the context.
 *
 * @param requestTtl the request lifetime
 * @param powDifficulty the proof-of-work difficulty
 * @param keepAliveInterval the keepalive period
 * @param sseIds whether events are numbered
 * @param replay whether events are replayed
 * @param jwksMode the JWKS body shape
 */
record FakeLimeApiContextCustomizer(Duration requestTtl, int powDifficulty, Duration keepAliveInterval, boolean sseIds,
		boolean replay, JwksMode jwksMode) implements ContextCustomizer {

	static FakeLimeApiContextCustomizer of(AutoConfigureFakeLimeApi settings) {
		return new FakeLimeApiContextCustomizer(duration("requestTtl", settings.requestTtl()), settings.powDifficulty(),
				duration("keepAliveInterval", settings.keepAliveInterval()), settings.sseIds(), settings.replay(),
				settings.jwksMode());
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		new FakeLimeApiInitializer((fake) -> fake.requestTtl(this.requestTtl)
			.powDifficulty(this.powDifficulty)
			.keepAliveInterval(this.keepAliveInterval)
			.sseIds(this.sseIds)
			.replay(this.replay)
			.jwksMode(this.jwksMode)).initialize(context);
	}

	private static Duration duration(String attribute, String value) {
		try {
			return DurationFormatterUtils.detectAndParse(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"@AutoConfigureFakeLimeApi(" + attribute + " = \"" + value + "\") is not a duration", ex);
		}
	}

}
