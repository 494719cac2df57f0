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

package io.github.agentprotocols.happy.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import io.github.agentprotocols.happy.wire.HappyJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The server's account tokens (spec §1.2): JWTs signed with a per-server Ed25519 key
 * ({@code alg} {@code EdDSA}) carrying {@code sub} (the account id), {@code iat},
 * {@code nbf}, {@code iss} {@code handy} and a {@code jti}, and no {@code exp}. A token
 * is valid for the life of the server that issued it.
 */
final class Tokens {

	private static final String HEADER = encode(HappyJson.write(Json.object("alg", "EdDSA", "typ", "JWT")));

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final Clock clock;

	Tokens(Clock clock) {
		this.clock = clock;
		try {
			this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no Ed25519", ex);
		}
	}

	/**
	 * Issue a token for an account.
	 * @param accountId the account id
	 * @return the token
	 */
	String issue(String accountId) {
		long now = this.clock.millis() / 1000;
		String payload = encode(HappyJson.write(Json.object("sub", accountId, "iat", now, "nbf", now, "iss", "handy",
				"jti", UUID.randomUUID().toString())));
		String signed = HEADER + "." + payload;
		return signed + "." + ENCODER.encodeToString(sign(signed.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * The account a token was issued for.
	 * @param token the token as received
	 * @return the account id, or {@code null} if the token was not issued by this server
	 */
	@Nullable String accountOf(@Nullable String token) {
		if (token == null) {
			return null;
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || !HEADER.equals(parts[0])) {
			return null;
		}
		try {
			byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
			if (!verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
				return null;
			}
			JsonNode claims = Json
				.parseOrNull(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			JsonNode subject = (claims != null) ? claims.get("sub") : null;
			return (subject != null && subject.isString()) ? subject.asString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(this.keys.getPrivate());
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not sign a token", ex);
		}
	}

	private boolean verify(byte[] data, byte[] signed) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(this.keys.getPublic());
			signature.update(data);
			return signature.verify(signed);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
