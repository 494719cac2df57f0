package io.github.agentprotocols.acp.docs;

import io.github.agentprotocols.acp.observation.DefaultRunObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationContext;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The convention bean docs/acp.md shows.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConventions {

	// tag::run-convention[]
	@Bean
	RunObservationConvention acpRunObservationConvention() {
		return new DefaultRunObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(RunObservationContext context) {
				// runs started by another run's ctx.invoke(...) apart from the others
				return super.getLowCardinalityKeyValues(context).and("acp.run.chained",
						String.valueOf(context.getRun().parentRunId() != null));
			}

		};
	}
	// end::run-convention[]

}
