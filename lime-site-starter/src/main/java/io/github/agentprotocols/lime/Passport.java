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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A verified LIME passport: the agent that logged in (or bound itself to a user) and all
 * claims of the JWT. {@code claims} keeps {@code sub} and adds {@code agent_id} from it
 * when the token has no {@code agent_id} claim of its own.
 *
 * @param requestId the {@code request_id} claim of a login passport
 * @param agentId the {@code agent_id} claim, else {@code sub}
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param claims every claim, unmodifiable
 */
public record Passport(@Nullable String requestId, @Nullable String agentId, Instant issuedAt, Instant expiresAt,
		Map<String, Object> claims) {

	/**
	 * Create a new {@code Passport}, keeping an unmodifiable copy of the claims in their
	 * order.
	 * @param requestId the {@code request_id} claim of a login passport
	 * @param agentId the {@code agent_id} claim, else {@code sub}
	 * @param issuedAt the {@code iat} claim
	 * @param expiresAt the {@code exp} claim
	 * @param claims every claim, unmodifiable
	 */
	public Passport {
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Create a passport from the claims of a verified token, adding {@code agent_id} from
	 * {@code sub} when absent.
	 * @param claims the verified claims, with numeric {@code iat} and {@code exp}
	 * @return the passport
	 */
	public static Passport of(Map<String, Object> claims) {
		Map<String, Object> normalized = new LinkedHashMap<>(claims);
		Object sub = claims.get("sub");
		if (sub != null && claims.get("agent_id") == null) {
			normalized.put("agent_id", sub);
		}
		return new Passport(text(normalized.get("request_id")), text(normalized.get("agent_id")),
				instant(claims.get("iat")), instant(claims.get("exp")), normalized);
	}

	/**
	 * Return the {@code binding_id} claim of a binding passport, which the site matches
	 * against the binding request it stored for its user.
	 * @return the binding id, or {@code null} for a login passport
	 */
	public @Nullable String bindingId() {
		return text(this.claims.get("binding_id"));
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Instant instant(@Nullable Object numericDate) {
		if (!(numericDate instanceof Number number)) {
			throw new IllegalArgumentException("Not a NumericDate: " + numericDate);
		}
		return Instant.ofEpochMilli(Math.round(number.doubleValue() * 1000));
	}

}
