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

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.agentprotocols.lime.wire.LimeJson;
import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passports minted by {@link Passports}, checked against the fake's served JWKS.
 */
class PassportsTests {

	private static final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00.750Z"));

	private static FakeLimeApi fake;

	private static RSAKey publicKey;

	@BeforeAll
	static void startFake() throws Exception {
		fake = FakeLimeApi.builder().clock(clock).start();
		JsonNode jwks = SiteClient.data(new SiteClient(fake).get("/core/.well-known/jwks.json"));
		publicKey = JWKSet.parse(jwks.toString()).getKeys().get(0).toRSAKey();
	}

	@AfterAll
	static void closeFake() {
		fake.close();
	}

	@Test
	void loginPassportHasTheClaimsOfTheSpecWithWholeSecondTimes() throws Exception {
		String jwt = fake.passports().login("lr_1");
		SignedJWT parsed = SignedJWT.parse(jwt);
		assertThat(parsed.verify(new RSASSAVerifier(publicKey))).isTrue();
		JWSHeader header = parsed.getHeader();
		assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(header.getType().getType()).isEqualTo("JWT");
		assertThat(header.getKeyID()).isEqualTo(fake.signingKeyId());
		JsonNode payload = payload(jwt);
		assertThat(payload.get("aud").isString()).isTrue();
		assertThat(payload.get("aud").asString()).isEqualTo("lime-site-login");
		assertThat(payload.get("iss").asString()).isEqualTo("https://lime.pics");
		assertThat(payload.get("sub").asString()).isEqualTo(fake.agentId());
		assertThat(payload.get("request_id").asString()).isEqualTo("lr_1");
		assertThat(payload.get("iat").isIntegralNumber()).isTrue();
		assertThat(payload.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
		assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(60);
		assertThat(payload.get("user_id").asString()).isNotBlank();
		assertThat(payload.get("user_kyc_level").asInt()).isEqualTo(1);
		assertThat(payload.get("agent_reputation").asInt()).isEqualTo(10);
	}

	@Test
	void bindingPassportHasTheBindingAudienceAndClaims() throws Exception {
		String jwt = fake.passports().binding("br_1");
		assertThat(SignedJWT.parse(jwt).verify(new RSASSAVerifier(publicKey))).isTrue();
		JsonNode payload = payload(jwt);
		assertThat(payload.get("aud").asString()).isEqualTo("lime-binding");
		assertThat(payload.get("binding_id").asString()).isEqualTo("br_1");
		assertThat(payload.get("passport_version").asString()).isEqualTo("3");
		assertThat(payload.has("request_id")).isFalse();
		assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(60);
	}

	@Test
	void expiredPassportExpiredAMinuteAgo() throws Exception {
		JsonNode payload = payload(fake.passports().expired("lr_1"));
		assertThat(payload.get("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() - 60);
		assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(60);
	}

	@Test
	void ttlTooLongPassportLivesTwoHundredSeconds() throws Exception {
		JsonNode payload = payload(fake.passports().ttlTooLong("lr_1"));
		assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(200);
	}

	@Test
	void futurePassportIsIssuedAhead() throws Exception {
		JsonNode payload = payload(fake.passports().issuedInFuture("lr_1", Duration.ofSeconds(5)));
		assertThat(payload.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond() + 5);
	}

	@Test
	void wrongAudiencePassportNamesTheGivenAudience() throws Exception {
		assertThat(payload(fake.passports().withAudience("lr_1", "mcp")).get("aud").asString()).isEqualTo("mcp");
	}

	@Test
	void passportSignedWithOtherKeyKeepsTheKidButFailsVerification() throws Exception {
		SignedJWT parsed = SignedJWT.parse(fake.passports().signedWithOtherKey("lr_1"));
		assertThat(parsed.getHeader().getKeyID()).isEqualTo(fake.signingKeyId());
		assertThat(parsed.verify(new RSASSAVerifier(publicKey))).isFalse();
	}

	@Test
	void passportWithUnknownKidIsSignedByTheRealKey() throws Exception {
		SignedJWT parsed = SignedJWT.parse(fake.passports().withUnknownKid("lr_1"));
		assertThat(parsed.getHeader().getKeyID()).isEqualTo("unknown-kid");
		assertThat(parsed.verify(new RSASSAVerifier(publicKey))).isTrue();
	}

	@Test
	void passportWithoutKidHasNoKidButAValidSignature() throws Exception {
		SignedJWT parsed = SignedJWT.parse(fake.passports().withoutKid("lr_1"));
		assertThat(parsed.getHeader().getKeyID()).isNull();
		assertThat(parsed.verify(new RSASSAVerifier(publicKey))).isTrue();
	}

	@Test
	void unsignedPassportHasAlgNoneAndAnEmptySignature() throws Exception {
		String jwt = fake.passports().unsigned("lr_1");
		assertThat(jwt).endsWith(".");
		assertThat(header(jwt)).containsEntry("alg", "none").containsEntry("kid", fake.signingKeyId());
		assertThat(payload(jwt).get("request_id").asString()).isEqualTo("lr_1");
	}

	@Test
	void hs256PassportIsMacSignedWithThePublicKey() throws Exception {
		String jwt = fake.passports().hs256WithPublicKey("lr_1");
		SignedJWT parsed = SignedJWT.parse(jwt);
		assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(parsed.verify(new MACVerifier(publicKey.toRSAPublicKey().getEncoded()))).isTrue();
	}

	@Test
	void customClaimsAreSignedWithTheCurrentKey() throws Exception {
		String jwt = fake.passports()
			.sign(fake.passports()
				.loginClaims("lr_1")
				.claim("request_id", null)
				.audience(List.of("a", "lime-site-login"))
				.build());
		assertThat(SignedJWT.parse(jwt).verify(new RSASSAVerifier(publicKey))).isTrue();
		assertThat(payload(jwt).has("request_id")).isFalse();
		assertThat(payload(jwt).get("aud").isArray()).isTrue();
	}

	private static JsonNode payload(String jwt) {
		return LimeJson.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> header(String jwt) {
		return LimeJson.mapper().readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), Map.class);
	}

}
