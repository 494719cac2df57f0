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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key of the fuzz tests: a fixed key (made for these tests, used nowhere else),
 * so that a saved input holding a signed token verifies again in regression mode, on any
 * machine.
 */
public final class FuzzSigningKey {

	/** The key id of the key. */
	public static final String KID = "fuzz-1";

	private static final RSAKey key = load();

	private static final PrivateKey privateKey = privateKey();

	private FuzzSigningKey() {
	}

	/**
	 * The key, private parts included.
	 * @return the key
	 */
	public static RSAKey key() {
		return key;
	}

	/**
	 * Signs any header and payload bytes with RS256, as LIME would sign them if they were
	 * its own.
	 * @param header the header's bytes, base64url-encoded as they are
	 * @param payload the payload's bytes, base64url-encoded as they are
	 * @return the JWS compact serialization
	 */
	public static String sign(byte[] header, byte[] payload) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = base64.encodeToString(header) + "." + base64.encodeToString(payload);
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(privateKey);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + base64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The header LIME puts on its passports.
	 * @return the header's JSON
	 */
	public static String header() {
		return "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}";
	}

	/**
	 * A valid login passport.
	 * @param requestId the login request's id
	 * @param now the time it is issued at
	 * @return the token
	 */
	public static String login(String requestId, Instant now) {
		long issued = now.getEpochSecond();
		String claims = "{\"aud\":\"lime-site-login\",\"sub\":\"agent-1\",\"request_id\":\"" + requestId
				+ "\",\"jti\":\"j-" + requestId + "\",\"iat\":" + issued + ",\"exp\":" + (issued + 60) + "}";
		return sign(header().getBytes(StandardCharsets.UTF_8), claims.getBytes(StandardCharsets.UTF_8));
	}

	private static RSAKey load() {
		try (InputStream in = FuzzSigningKey.class.getResourceAsStream("fuzz-signing-key.json")) {
			if (in == null) {
				throw new IllegalStateException("fuzz-signing-key.json is missing");
			}
			return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PrivateKey privateKey() {
		try {
			return key.toPrivateKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
