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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The status of a login request as LIME reports it ({@code GET
 * /modules/agent-login/requests/{id}}, spec §3.4).
 *
 * @param requestId the login request id
 * @param status the status as LIME spells it: {@code PENDING}, {@code APPROVED},
 * {@code DELIVERED} or {@code EXPIRED}
 * @param expiresAt the request's {@code expires_at}, when the answer carries it
 */
public record LoginStatus(String requestId, String status, @Nullable Instant expiresAt) {

	/**
	 * The status of a request LIME expired.
	 */
	public static final String EXPIRED = "EXPIRED";

	/**
	 * Whether the request can no longer complete at the given time: LIME says it expired,
	 * or its {@code expires_at} has passed.
	 * @param now the current time
	 * @return whether the request is over without a login
	 */
	public boolean isExpiredAt(Instant now) {
		return EXPIRED.equalsIgnoreCase(this.status) || (this.expiresAt != null && !now.isBefore(this.expiresAt));
	}

}
