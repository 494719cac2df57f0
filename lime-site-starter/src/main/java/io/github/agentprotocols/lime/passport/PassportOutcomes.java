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

package io.github.agentprotocols.lime.passport;

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.observation.PassportOutcome;

/**
 * Tells which check a passport failed, from the type of the
 * {@link InvalidPassportException} and the keywords its message starts with.
 */
final class PassportOutcomes {

	private static final List<Map.Entry<String, PassportOutcome>> PREFIXES = List.of(
			Map.entry("JWT signature verification failed", PassportOutcome.BAD_SIGNATURE),
			Map.entry("Unknown JWT kid", PassportOutcome.UNKNOWN_KEY),
			Map.entry("JWKS unavailable", PassportOutcome.JWKS_UNAVAILABLE),
			Map.entry("JWT audience", PassportOutcome.WRONG_AUDIENCE),
			Map.entry("JWT issuer", PassportOutcome.WRONG_ISSUER),
			Map.entry("JWT request_id", PassportOutcome.WRONG_REQUEST),
			Map.entry("JWT binding_id", PassportOutcome.WRONG_REQUEST),
			Map.entry("JWT missing binding_id", PassportOutcome.WRONG_REQUEST),
			Map.entry("JWT iat", PassportOutcome.BAD_TIMESTAMPS), Map.entry("JWT nbf", PassportOutcome.BAD_TIMESTAMPS),
			Map.entry("JWT not valid before", PassportOutcome.BAD_TIMESTAMPS),
			Map.entry("JWT TTL", PassportOutcome.BAD_TIMESTAMPS),
			Map.entry("JWT missing or non-numeric", PassportOutcome.BAD_TIMESTAMPS),
			Map.entry("JWT header", PassportOutcome.MALFORMED), Map.entry("JWT payload", PassportOutcome.MALFORMED));

	private PassportOutcomes() {
	}

	static PassportOutcome of(InvalidPassportException failure) {
		if (failure instanceof PassportExpiredException) {
			return PassportOutcome.EXPIRED;
		}
		if (failure instanceof PassportReplayedException) {
			return PassportOutcome.REPLAYED;
		}
		String message = String.valueOf(failure.getMessage());
		for (Map.Entry<String, PassportOutcome> prefix : PREFIXES) {
			if (message.startsWith(prefix.getKey())) {
				return prefix.getValue();
			}
		}
		return PassportOutcome.INVALID;
	}

}
