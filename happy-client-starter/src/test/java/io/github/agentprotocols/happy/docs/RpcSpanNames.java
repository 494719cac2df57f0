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
