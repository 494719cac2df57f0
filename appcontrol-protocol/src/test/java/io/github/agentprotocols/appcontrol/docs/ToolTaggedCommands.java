package io.github.agentprotocols.appcontrol.docs;

import io.github.agentprotocols.appcontrol.observation.DefaultServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/appcontrol.md that replaces an observation convention: the host's
 * command timers tagged by tool, for an application whose tools are few.
 */
// tag::tool-convention[]
@Configuration(proxyBeanMethods = false)
class ToolTaggedCommands {

	@Bean
	ServiceCommandObservationConvention toolTaggedCommandConvention() {
		return new DefaultServiceCommandObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(ServiceCommandObservationContext context) {
				// only safe because this host runs a fixed, small set of tools
				return super.getLowCardinalityKeyValues(context).and("appcontrol.tool", context.getCommand().tool());
			}

		};
	}

}
// end::tool-convention[]
