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

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.lime.test.JwksMode;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FakeLimeApiContextCustomizerFactory}: which test classes get a fake, and when
 * their contexts can be shared.
 */
class FakeLimeApiContextCustomizerFactoryTests {

	private final FakeLimeApiContextCustomizerFactory factory = new FakeLimeApiContextCustomizerFactory();

	@Test
	void testClassWithoutTheAnnotationGetsNoFake() {
		assertThat(customizer(Plain.class)).isNull();
	}

	@Test
	void annotationSettingsBecomeTheFakesSettings() {
		assertThat(customizer(Custom.class)).isEqualTo(new FakeLimeApiContextCustomizer(Duration.ofSeconds(2), 4,
				Duration.ofMillis(200), true, true, JwksMode.RAW));
	}

	@Test
	void defaultsAreTheFakesDefaults() {
		assertThat(customizer(Defaults.class)).isEqualTo(new FakeLimeApiContextCustomizer(Duration.ofSeconds(120), 8,
				Duration.ofSeconds(15), false, false, JwksMode.ENVELOPE));
	}

	@Test
	void sameSettingsShareAContextAndOthersDoNot() {
		assertThat(customizer(Defaults.class)).isEqualTo(customizer(OtherDefaults.class))
			.hasSameHashCodeAs(customizer(OtherDefaults.class))
			.isNotEqualTo(customizer(Custom.class));
	}

	@Test
	void metaAnnotationAndSubclassAreFound() {
		assertThat(customizer(MetaAnnotated.class)).isEqualTo(customizer(Custom.class));
		assertThat(customizer(Inheriting.class)).isEqualTo(customizer(Custom.class));
	}

	@Test
	void durationThatIsNotADurationIsRefusedNamingTheAttribute() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizer(BadDuration.class))
			.withMessageContaining("requestTtl = \"soon\"");
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	static class Plain {

	}

	@AutoConfigureFakeLimeApi
	static class Defaults {

	}

	@AutoConfigureFakeLimeApi
	static class OtherDefaults {

	}

	@AutoConfigureFakeLimeApi(requestTtl = "2s", powDifficulty = 4, keepAliveInterval = "PT0.2S", sseIds = true,
			replay = true, jwksMode = JwksMode.RAW)
	static class Custom {

	}

	static class Inheriting extends Custom {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@AutoConfigureFakeLimeApi(requestTtl = "2s", powDifficulty = 4, keepAliveInterval = "200ms", sseIds = true,
			replay = true, jwksMode = JwksMode.RAW)
	@interface ShortLivedLime {

	}

	@ShortLivedLime
	static class MetaAnnotated {

	}

	@AutoConfigureFakeLimeApi(requestTtl = "soon")
	static class BadDuration {

	}

}
