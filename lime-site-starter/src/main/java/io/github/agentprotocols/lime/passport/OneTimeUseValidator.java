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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PassportReplayedException;

/**
 * A {@link PassportValidator} that accepts each passport once: it marks the passport used
 * in a {@link PassportReplayStore} until its expiry plus leeway, and refuses it with
 * {@link PassportReplayedException} if it already was. The passport is known by its
 * audience and the first of its identifying claims present ({@code request_id} or
 * {@code binding_id}, then {@code jti}), else by a digest of all its claims. Runs last,
 * so that only passports valid in every other respect are marked.
 */
public final class OneTimeUseValidator implements PassportValidator {

	private final PassportReplayStore store;

	private final String audience;

	private final List<String> keyClaims;

	private final Duration leeway;

	/**
	 * Create a validator.
	 * @param store the store of used passports
	 * @param audience the audience of the passports checked, which prefixes their keys
	 * @param keyClaims the claims that identify a passport, in order of preference
	 * @param leeway the leeway the expiry check allows
	 */
	public OneTimeUseValidator(PassportReplayStore store, String audience, List<String> keyClaims, Duration leeway) {
		this.store = store;
		this.audience = audience;
		this.keyClaims = List.copyOf(keyClaims);
		this.leeway = leeway;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		String id = identity(claims);
		Instant until = Instant.ofEpochMilli(Math.round(NumericDates.required(claims, "exp") * 1000)).plus(this.leeway);
		if (!this.store.markUsed(this.audience + ":" + id, until)) {
			throw new PassportReplayedException("JWT already used: passport " + id + " was accepted before");
		}
	}

	private String identity(Map<String, Object> claims) {
		for (String claim : this.keyClaims) {
			Object value = claims.get(claim);
			if (value != null) {
				return claim + "=" + value;
			}
		}
		return "sha256=" + sha256(JSONObjectUtils.toJSONString(claims));
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
