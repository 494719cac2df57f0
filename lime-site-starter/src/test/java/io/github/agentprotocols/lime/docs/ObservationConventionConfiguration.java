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
