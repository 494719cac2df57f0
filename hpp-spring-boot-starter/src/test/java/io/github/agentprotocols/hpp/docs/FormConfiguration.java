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

import io.github.agentprotocols.hpp.CreateSessionHook;
import io.github.agentprotocols.hpp.ExtendHook;
import io.github.agentprotocols.hpp.ExtensionDecision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::configuration[]
@Configuration(proxyBeanMethods = false)
class FormConfiguration {

	@Bean
	CreateSessionHook ownerFromTheAccount(Accounts accounts) {
		// without Spring Security: the owner is your application's own login
		return (session, request) -> {
			// your code: null when logged out
			String account = accounts.fromHeaders(request.headers());
			if (account == null) {
				// refused with 403 {"error":"log in first"}
				throw new IllegalStateException("log in first");
			}
			session.setOwner(account);
		};
	}

	@Bean
	ExtendHook atMostTenMinutesMore() {
		return (session, extraSeconds, request) -> ExtensionDecision.extendBy(Math.min(extraSeconds, 600));
	}

}
// end::configuration[]
