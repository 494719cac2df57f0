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

package io.github.agentprotocols.acp.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class AcpAuthenticatorMissingFailureAnalyzerTests {

	@Test
	void namesTheBeanToDeclareAndTheWayOut() {
		AcpAuthenticatorMissingException failure = new AcpAuthenticatorMissingException();
		FailureAnalysis analysis = new AcpAuthenticatorMissingFailureAnalyzer()
			.analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("io.github.agentprotocols.acp.AcpAuthenticator");
		assertThat(analysis.getAction())
			.contains("Declare a bean of type io.github.agentprotocols.acp.AcpAuthenticator")
			.contains("acp.enabled=false");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

}
