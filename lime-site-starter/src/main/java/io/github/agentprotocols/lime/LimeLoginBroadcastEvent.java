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

package io.github.agentprotocols.lime;

import org.jspecify.annotations.Nullable;

/**
 * Published to the Spring application context of <em>every</em> instance of the site when
 * a login request was approved or expired, once per instance: the event for the instance
 * that serves the browser waiting for this login, which completes it there (verify the
 * passport first: one-time use makes exactly one verification succeed across the site).
 * It follows the {@link LimeLoginHandler}s and the {@link LimeLoginApprovedEvent} or
 * {@link LimeLoginExpiredEvent}, which run once for the whole site, on the instance that
 * reads the event stream. On a single instance it is published on that instance, after
 * them.
 *
 * @param requestId the login request id
 * @param passportJwt the agent passport JWT of an approval, as received, or {@code null}
 * for an expiry
 */
public record LimeLoginBroadcastEvent(String requestId, @Nullable String passportJwt) {

	/**
	 * Whether the request was approved (else it expired).
	 * @return whether there is a passport
	 */
	public boolean isApproved() {
		return this.passportJwt != null;
	}

}
