package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.LimeLoginHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::handler[]
@Configuration(proxyBeanMethods = false)
class LoginHandlerConfiguration {

	@Bean
	LimeLoginHandler completePendingLogins(PendingLogins pending) {
		// a null passport means the request expired
		return (requestId, passportJwt) -> pending.complete(requestId, passportJwt);
	}

}
// end::handler[]
