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
 * A login event read from the LIME event stream, one that handlers receive.
 *
 * @param type whether the request was approved or expired
 * @param requestId the {@code login_request_id}, trimmed, never empty
 * @param passportJwt the {@code agent_passport_jwt} of an approval, as received;
 * {@code null} for an expiry
 * @param id the SSE {@code id:} of the frame, when the server gave one
 */
public record LimeEvent(Type type, String requestId, @Nullable String passportJwt, @Nullable String id) {

	/**
	 * The kinds of events that reach handlers; the JSON {@code type} of the payload.
	 */
	public enum Type {

		/** {@code approved}: an agent approved the request; carries the passport. */
		APPROVED,

		/** {@code expired}: the request expired unapproved. */
		EXPIRED

	}

}
