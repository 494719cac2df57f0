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
 * Callback for the outcome of a LIME login request, as pushed on the site's event stream:
 * an approval carrying the agent's passport JWT, or the request's expiry.
 * <p>
 * Handlers run off the stream's reader thread, one event at a time per request id and in
 * registration order, each within a timeout; a handler that throws is logged and the next
 * one still runs. The passport is passed as received, unverified: verify it with the
 * request id before trusting it. An event may arrive more than once across reconnects or
 * instances, so handlers should be idempotent per request id.
 */
@FunctionalInterface
public interface LimeLoginHandler {

	/**
	 * Called when a login request was approved or expired.
	 * @param requestId the login request id, trimmed, never empty
	 * @param passportJwt the agent passport JWT (compact JWS) of an approval, or
	 * {@code null} when the request expired unapproved
	 */
	void onLogin(String requestId, @Nullable String passportJwt);

}
