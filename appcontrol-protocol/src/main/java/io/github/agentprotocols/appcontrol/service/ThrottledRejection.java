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

package io.github.agentprotocols.appcontrol.service;

/**
 * The refusal of a client that presented too many wrong tokens: 429 {@code rate_limited},
 * answered with a {@code Retry-After} header.
 */
final class ThrottledRejection extends ServiceRejection {

	/** Seconds until the client may try again. */
	private final long retryAfterSeconds;

	ThrottledRejection(long retryAfterSeconds) {
		super(429,
				failed(429, "rate_limited",
						"too many invalid tokens from this client; retry after " + retryAfterSeconds + " seconds")
					.getResponse());
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
