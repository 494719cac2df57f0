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

import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

// tag::listener[]
@Component
class AgentSignIn {

	private final LimeSite lime;

	private final SiteSessions sessions;

	AgentSignIn(LimeSite lime, SiteSessions sessions) {
		this.lime = lime;
		this.sessions = sessions;
	}

	@EventListener
	void approved(LimeLoginApprovedEvent event) {
		Passport passport = this.lime.blocking().verifyPassport(event.passportJwt(), event.requestId());
		// agentId(), requestId(), claims(): the site's own session
		this.sessions.signIn(passport.requestId(), passport.agentId());
	}

}
// end::listener[]
