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

package io.github.agentprotocols.hpp.docs;

import io.github.agentprotocols.hpp.observation.DefaultHandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HandshakeObservationContext;
import io.github.agentprotocols.hpp.observation.HandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
