package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.autoconfigure.LimeEventDispatcherBuilderCustomizer;
import io.github.agentprotocols.lime.autoconfigure.PassportVerifierBuilderCustomizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::customizers[]
@Configuration(proxyBeanMethods = false)
class BuilderCustomizerConfiguration {

	private static final Log logger = LogFactory.getLog(BuilderCustomizerConfiguration.class);

	@Bean
	PassportVerifierBuilderCustomizer reputableAgentsOnly() {
		return (builder) -> builder.validator((claims) -> {
			if (!(claims.get("agent_reputation") instanceof Number reputation) || reputation.intValue() < 5) {
				throw new InvalidPassportException("agent_reputation below 5");
			}
		});
	}

	@Bean
	LimeEventDispatcherBuilderCustomizer logStreamState() {
		return (builder) -> builder.stateListener((state) -> logger.info("LIME event stream: " + state.status()));
	}

}
// end::customizers[]
