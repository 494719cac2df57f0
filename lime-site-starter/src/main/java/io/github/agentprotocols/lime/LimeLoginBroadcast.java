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
 * Carries the outcome of each login request to every instance of the site, where it is
 * published as a {@link LimeLoginBroadcastEvent}: the instance that serves the browser
 * waiting for the login sees it, whichever instance read it from the event stream. Called
 * once per event, after the {@link LimeLoginHandler}s. A single instance publishes the
 * event to itself.
 */
@FunctionalInterface
public interface LimeLoginBroadcast {

	/**
	 * Send an outcome to every instance.
	 * @param requestId the login request id
	 * @param passportJwt the passport of an approval, or {@code null} for an expiry
	 */
	void broadcast(String requestId, @Nullable String passportJwt);

}
