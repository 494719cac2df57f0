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

import java.util.List;

import io.github.agentprotocols.commons.ssl.NoSuchProtocolSslBundleException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure is analyzed by the analyzer registered for it, found through
 * {@code spring.factories} as Spring Boot finds it; other failures have no analysis.
 */
class FailureAnalysesTests {

	@Test
	void registeredAnalyzerExplainsItsFailureWhereverItIsInTheChain() {
		FailureAnalysis analysis = FailureAnalyses.of(new BeanCreationException("client",
				new NoSuchProtocolSslBundleException("lime.site.ssl.bundle", "x", List.of(), null)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("lime.site.ssl.bundle names 'x'");
	}

	@Test
	void failureNoAnalyzerKnowsHasNoAnalysis() {
		assertThat(FailureAnalyses.of(new IllegalStateException("boom"))).isNull();
	}

}
