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

package io.github.agentprotocols.lime.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Mints agent passports the way the {@link FakeLimeApi} does, and the broken ones a site
 * must reject: expired, too long-lived, for another audience, signed with another key,
 * without {@code kid}, unsigned, HMAC-signed, issued in the future. A passport for
 * another request is {@code login("other-id")}; anything else starts from
 * {@link #loginClaims} and goes through {@link #sign}.
 * <p>
 * Passports carry {@code iat} and {@code exp} in whole seconds of the fake's clock and a
 * lifetime of 60 seconds.
 */
public final class Passports {

	/**
	 * The audience of site login passports.
	 */
	public static final String LOGIN_AUDIENCE = "lime-site-login";

	/**
	 * The audience of agent binding passports.
	 */
	public static final String BINDING_AUDIENCE = "lime-binding";

	/**
	 * The issuer the fake writes into passports.
	 */
	public static final String ISSUER = "https://lime.pics";

	private static final Duration LIFETIME = Duration.ofSeconds(60);

	private final SigningKeys keys;

	private final Clock clock;

	private final String agentId;

	private final String userId;

	Passports(SigningKeys keys, Clock clock, String agentId, String userId) {
		this.keys = keys;
		this.clock = clock;
		this.agentId = agentId;
		this.userId = userId;
	}

	/**
	 * A valid login passport, as pushed in the {@code approved} event.
	 * @param requestId the login request id written to the {@code request_id} claim
	 * @return the compact JWS
	 */
	public String login(String requestId) {
		return sign(loginClaims(requestId).build());
	}

	/**
	 * A valid binding passport, as handed to the site's {@code redirect_uri}.
	 * @param bindingId the binding id written to the {@code binding_id} claim
	 * @return the compact JWS
	 */
	public String binding(String bindingId) {
		return sign(bindingClaims(bindingId).build());
	}

	/**
	 * The claims of a valid login passport issued now, to adjust before {@link #sign}.
	 * @param requestId the login request id
	 * @return a claims builder
	 */
	public JWTClaimsSet.Builder loginClaims(String requestId) {
		Instant now = now();
		return common(LOGIN_AUDIENCE, now, now.plus(LIFETIME)).claim("request_id", requestId)
			.claim("agent_reputation", 10);
	}

	/**
	 * The claims of a valid binding passport issued now, to adjust before {@link #sign}.
	 * @param bindingId the binding id
	 * @return a claims builder
	 */
	public JWTClaimsSet.Builder bindingClaims(String bindingId) {
		Instant now = now();
		return common(BINDING_AUDIENCE, now, now.plus(LIFETIME)).claim("binding_id", bindingId)
			.claim("passport_version", "3");
	}

	/**
	 * Sign the claims with RS256 and the current key, its {@code kid} in the header.
	 * @param claims the claims
	 * @return the compact JWS
	 */
	public String sign(JWTClaimsSet claims) {
		RSAKey key = this.keys.current();
		return sign(header(JWSAlgorithm.RS256, key.getKeyID()), claims, rsaSigner(key));
	}

	/**
	 * A login passport whose {@code exp} has passed ({@code iat} 120 s ago, {@code exp}
	 * 60 s ago).
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String expired(String requestId) {
		Instant now = now();
		return sign(withTimes(loginClaims(requestId), now.minusSeconds(120), now.minusSeconds(60)));
	}

	/**
	 * A login passport living longer than the 120 s cap ({@code exp - iat = 200}).
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String ttlTooLong(String requestId) {
		Instant now = now();
		return sign(withTimes(loginClaims(requestId), now, now.plusSeconds(200)));
	}

	/**
	 * A login passport issued ahead of the fake's clock.
	 * @param requestId the login request id
	 * @param ahead how far in the future {@code iat} lies ({@code exp} is 60 s later)
	 * @return the compact JWS
	 */
	public String issuedInFuture(String requestId, Duration ahead) {
		Instant issued = now().plus(ahead);
		return sign(withTimes(loginClaims(requestId), issued, issued.plus(LIFETIME)));
	}

	/**
	 * A login passport for another audience.
	 * @param requestId the login request id
	 * @param audience the audience, e.g. {@code mcp} or {@code lime-binding}
	 * @return the compact JWS
	 */
	public String withAudience(String requestId, String audience) {
		return sign(loginClaims(requestId).audience(audience).build());
	}

	/**
	 * A login passport signed by another RSA key under the current key's {@code kid}, so
	 * the signature does not verify.
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String signedWithOtherKey(String requestId) {
		RSAKey impostor = this.keys.impostor();
		return sign(header(JWSAlgorithm.RS256, impostor.getKeyID()), loginClaims(requestId).build(),
				rsaSigner(impostor));
	}

	/**
	 * A login passport whose header names a {@code kid} that the JWKS never published.
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String withUnknownKid(String requestId) {
		return sign(header(JWSAlgorithm.RS256, "unknown-kid"), loginClaims(requestId).build(),
				rsaSigner(this.keys.current()));
	}

	/**
	 * A correctly signed login passport without {@code kid} in its header.
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String withoutKid(String requestId) {
		return sign(header(JWSAlgorithm.RS256, null), loginClaims(requestId).build(), rsaSigner(this.keys.current()));
	}

	/**
	 * An unsigned login passport, header {@code {"alg":"none","typ":"JWT","kid":…}} and
	 * an empty signature.
	 * @param requestId the login request id
	 * @return the compact serialization {@code header.payload.}
	 */
	public String unsigned(String requestId) {
		String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + this.keys.current().getKeyID() + "\"}";
		return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ Base64URL.encode(loginClaims(requestId).build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
	}

	/**
	 * A login passport signed with HS256 using the current RSA public key's encoded bytes
	 * as the secret (the classic algorithm-confusion attack), with the current
	 * {@code kid}.
	 * @param requestId the login request id
	 * @return the compact JWS
	 */
	public String hs256WithPublicKey(String requestId) {
		RSAKey key = this.keys.current();
		try {
			MACSigner signer = new MACSigner(key.toRSAPublicKey().getEncoded());
			return sign(header(JWSAlgorithm.HS256, key.getKeyID()), loginClaims(requestId).build(), signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with HS256", ex);
		}
	}

	private JWTClaimsSet.Builder common(String audience, Instant issuedAt, Instant expiresAt) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(this.agentId)
			.audience(audience)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.claim("user_id", this.userId)
			.claim("user_kyc_level", 1);
	}

	private static JWTClaimsSet withTimes(JWTClaimsSet.Builder claims, Instant issuedAt, Instant expiresAt) {
		return claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).build();
	}

	private Instant now() {
		return Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
	}

	private static JWSHeader header(JWSAlgorithm algorithm, @Nullable String kid) {
		return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
	}

	private static JWSSigner rsaSigner(RSAKey key) {
		try {
			return new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use the RSA signing key", ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the passport", ex);
		}
		return jwt.serialize();
	}

}
