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

package io.github.agentprotocols.samples.limelogin;

import java.time.Duration;

/**
 * A login request refused because as many as {@link PendingLogins} keeps are waiting or
 * lately ended: answered 429 with the time until a place is free.
 */
class TooManyPendingLoginsException extends RuntimeException {

	/** How long until a place is free. */
	private final Duration retryAfter;

	TooManyPendingLoginsException(Duration retryAfter) {
		super("Too many login requests are waiting here: try again later");
		this.retryAfter = retryAfter;
	}

	Duration getRetryAfter() {
		return this.retryAfter;
	}

}
