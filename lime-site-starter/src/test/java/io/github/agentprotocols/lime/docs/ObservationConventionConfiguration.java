package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.observation.DefaultLimeApiObservationConvention;
import io.github.agentprotocols.lime.observation.LimeApiObservationContext;
import io.github.agentprotocols.lime.observation.LimeApiObservationConvention;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::convention[]
@Configuration(proxyBeanMethods = false)
class ObservationConventionConfiguration {

	@Bean
	LimeApiObservationConvention limeApiObservationConvention() {
		return new DefaultLimeApiObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(LimeApiObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("http.method", context.getMethod().name());
			}

		};
	}

}
// end::convention[]
