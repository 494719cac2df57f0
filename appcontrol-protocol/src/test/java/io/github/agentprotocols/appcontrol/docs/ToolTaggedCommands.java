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

package io.github.agentprotocols.appcontrol.docs;

import io.github.agentprotocols.appcontrol.observation.DefaultServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An observation convention replaced, as docs/reference/appcontrol.md describes it: the
 * host's command timers tagged by tool, for an application whose tools are few.
 */
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
