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

package io.github.agentprotocols.commons.diagnostics;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MissingProtocolPropertyFailureAnalyzerTests {

	private final MissingProtocolPropertyFailureAnalyzer analyzer = new MissingProtocolPropertyFailureAnalyzer();

	@Test
	void namesPropertyAndEnvironmentVariable() {
		Throwable failure = new BeanCreationException("limeClient",
				new MissingProtocolPropertyException("lime.site-token", "LIME_SITE_TOKEN", "calling the LIME API"));
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis.getDescription()).contains("'lime.site-token'").contains("calling the LIME API");
		assertThat(analysis.getAction()).contains("Set 'lime.site-token'").contains("LIME_SITE_TOKEN");
	}

	@Test
	void omitsEnvironmentVariableWhenThereIsNone() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MissingProtocolPropertyException("hpp.prefix", null, "mapping the endpoints"));
		assertThat(analysis.getAction()).isEqualTo("Set 'hpp.prefix' in your application configuration.");
	}

	@Test
	void namesTheVariableOfAnUnresolvedPlaceholder() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("limeClient", new UnresolvedProtocolPropertyException("lime.site.token",
					"LIME_SITE_TOKEN", "calling the LIME API", "${LIME_SITE_TOKEN}", "LIME_SITE_TOKEN")));
		assertThat(analysis.getDescription())
			.isEqualTo("The property 'lime.site.token' is set to '${LIME_SITE_TOKEN}', "
					+ "which is not resolved: the environment variable LIME_SITE_TOKEN is not set. The property is needed "
					+ "for calling the LIME API.");
		assertThat(analysis.getAction()).isEqualTo(
				"Set the environment variable LIME_SITE_TOKEN, or set 'lime.site.token' in your application configuration.");
	}

	@Test
	void namesThePropertysOwnVariableTooWhenThePlaceholderHasAnother() {
		FailureAnalysis analysis = this.analyzer.analyze(new UnresolvedProtocolPropertyException("happy.token",
				"HAPPY_TOKEN", "authenticating", "${secrets.happy}", "secrets.happy"));
		assertThat(analysis.getDescription()).contains("the property 'secrets.happy' is not set");
		assertThat(analysis.getAction()).isEqualTo("Set the property 'secrets.happy', or set 'happy.token' in your "
				+ "application configuration or the environment variable HAPPY_TOKEN.");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("boom"))).isNull();
	}

}
