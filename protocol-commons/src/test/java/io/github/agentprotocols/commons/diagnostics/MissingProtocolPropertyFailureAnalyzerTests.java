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
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("boom"))).isNull();
	}

}
