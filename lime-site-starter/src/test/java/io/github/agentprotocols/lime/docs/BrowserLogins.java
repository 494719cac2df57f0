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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;

import org.springframework.context.event.EventListener;

/**
 * The page's listener for many instances: the instance holding the waiting browser
 * completes its login.
 */
class BrowserLogins {

	private final Map<String, PendingBrowser> waiting = new ConcurrentHashMap<>();

	private final LimeSite lime;

	BrowserLogins(LimeSite lime) {
		this.lime = lime;
	}

	void waitFor(String requestId, PendingBrowser browser) {
		this.waiting.put(requestId, browser);
	}

	// tag::broadcast-listener[]
	@EventListener
	void outcome(LimeLoginBroadcastEvent event) { // on every instance
		PendingBrowser browser = this.waiting.remove(event.requestId());
		if (browser == null) {
			return; // another instance serves this browser
		}
		if (event.isApproved()) {
			Passport passport = this.lime.blocking().verifyPassport(event.passportJwt(), event.requestId());
			browser.signIn(passport);
		}
		else {
			browser.expired();
		}
	}
	// end::broadcast-listener[]

	/**
	 * A browser waiting for the outcome of its login request.
	 */
	interface PendingBrowser {

		void signIn(Passport passport);

		void expired();

	}

}
