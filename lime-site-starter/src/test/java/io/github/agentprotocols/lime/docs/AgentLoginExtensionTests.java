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

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.LimeAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

// tag::extension-test[]
@ExtendWith(FakeLimeApiExtension.class)
class AgentLoginExtensionTests {

	@Test
	void agentLogsIn(FakeLimeApi lime, LimeAgent agent) {
		LimeSite site = LimeSite.builder().apiBase(lime.baseUrl()).siteToken(lime.siteToken()).build();
		LoginRequest request = site.createLoginRequest().block();
		agent.approve(request.requestId()); // GET challenge, solve the PoW, POST approve
		// the fake pushes the approval to every open event stream; its passports
		// verify against lime.baseUrl() + "/core/.well-known/jwks.json"
		String passportJwt = lime.passports().login(request.requestId());
		Passport passport = site.verifyPassport(passportJwt, request.requestId()).block();
		assertThat(passport.agentId()).isEqualTo(lime.agentId());
	}

}
// end::extension-test[]
