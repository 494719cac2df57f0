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

package io.github.agentprotocols.acp.docs;

import io.github.agentprotocols.acp.observation.DefaultRunObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationContext;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The convention bean docs/reference/acp.md shows.
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
