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

package io.github.agentprotocols.happy.docs;

// tag::convention[]
import io.github.agentprotocols.happy.observation.DefaultRpcObservationConvention;
import io.github.agentprotocols.happy.observation.RpcObservationContext;
import io.github.agentprotocols.happy.observation.RpcObservationConvention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RpcSpanNames {

	@Bean
	RpcObservationConvention rpcObservationConvention() {
		return new DefaultRpcObservationConvention() {

			@Override
			public String getContextualName(RpcObservationContext context) {
				return "happy rpc " + context.getMethodName();
			}

		};
	}

}
// end::convention[]
