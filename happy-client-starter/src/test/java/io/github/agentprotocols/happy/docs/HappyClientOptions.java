package io.github.agentprotocols.happy.docs;

// tag::customizer[]
import io.github.agentprotocols.happy.autoconfigure.ReactiveHappyClientBuilderCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HappyClientOptions {

	@Bean
	ReactiveHappyClientBuilderCustomizer nightlyClientId() {
		return (builder) -> builder.clientId("nightly-build/1.0");
	}

}
// end::customizer[]
