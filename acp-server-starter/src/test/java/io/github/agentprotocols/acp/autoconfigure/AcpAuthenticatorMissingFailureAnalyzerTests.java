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
