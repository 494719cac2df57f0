package io.github.agentprotocols.hpp.docs;

import io.github.agentprotocols.hpp.observation.DefaultHandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HandshakeObservationContext;
import io.github.agentprotocols.hpp.observation.HandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::convention[]
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	@Bean
	HandshakeObservationConvention actionsByForm() {
		// applies to hpp.action only; every other operation keeps its default
		return new DefaultHandshakeObservationConvention(HppObservationDocumentation.ACTION) {

			@Override
			public KeyValues getLowCardinalityKeyValues(HandshakeObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("form", "order");
			}

		};
	}

}
// end::convention[]
