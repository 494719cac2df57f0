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

package io.github.agentprotocols.lime.context;

import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A {@link LimeLoginHandler} that publishes each login event to the application context,
 * as a {@link LimeLoginApprovedEvent} or a {@link LimeLoginExpiredEvent}.
 */
public final class LoginEventPublisher implements LimeLoginHandler {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create an instance publishing to the given publisher.
	 * @param publisher the application event publisher
	 */
	public LoginEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		this.publisher.publishEvent((passportJwt != null) ? new LimeLoginApprovedEvent(requestId, passportJwt)
				: new LimeLoginExpiredEvent(requestId));
	}

	@Override
	public String toString() {
		return "Spring application events";
	}

}
