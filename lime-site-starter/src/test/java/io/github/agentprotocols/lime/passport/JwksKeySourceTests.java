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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.CannedHttpServer;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.JwksMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JWKS behind passport verification: both body shapes, caching, single-flight and
 * rate-limited refresh, stale keys during an outage, malformed documents.
 */
@ExtendWith(FakeLimeApiExtension.class)
@SpecItem("LIME-8.8")
class JwksKeySourceTests {

	@AfterEach
	void restoreEnvelope(FakeLimeApi fake) {
		fake.jwksMode(JwksMode.ENVELOPE);
	}

	@Test
	void envelopedAndRawJwksBothVerify(FakeLimeApi fake) {
		assertThat(verifyNew(site(fake), fake)).isNotNull();
		fake.jwksMode(JwksMode.RAW);
		assertThat(verifyNew(site(fake), fake)).isNotNull();
		assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(2);
	}

	@Test
	@SpecItem("LIME-7.jwks_cache_avoids_refetch")
	void cachedKeysAvoidARefetch(FakeLimeApi fake) {
		BlockingLimeSite site = site(fake);
		verifyNew(site, fake);
		verifyNew(site, fake);
		verifyNew(site, fake);
		assertThat(fake.requests().count(Endpoint.JWKS)).isOne();
	}

	@Test
	@SpecItem("LIME-7.kid_miss_triggers_jwks_refresh")
	void newKidTriggersARefresh(FakeLimeApi fake) {
		BlockingLimeSite site = site(fake);
		verifyNew(site, fake);
		fake.rotateSigningKey(true);
		verifyNew(site, fake);
		assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(2);
	}

	@Test
	void rotationUnderOneHundredConcurrentVerificationsRefreshesOnce(FakeLimeApi fake) throws Exception {
		BlockingLimeSite site = site(fake);
		verifyNew(site, fake);
		fake.rotateSigningKey(false);
		List<String[]> passports = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String requestId = fake.createLoginRequestDirectly();
			passports.add(new String[] { fake.passports().login(requestId), requestId });
		}
		ExecutorService threads = Executors.newFixedThreadPool(100);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Passport>> results = new ArrayList<>();
			for (String[] passport : passports) {
				results.add(threads.submit(() -> {
					start.await();
					return site.verifyPassport(passport[0], passport[1]);
				}));
			}
			start.countDown();
			for (Future<Passport> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS).agentId()).isEqualTo(fake.agentId());
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(2);
	}

	@Test
	void unknownKidsCannotStormTheJwksEndpoint(FakeLimeApi fake) {
		BlockingLimeSite site = site(fake);
		verifyNew(site, fake);
		for (int i = 0; i < 20; i++) {
			String requestId = fake.createLoginRequestDirectly();
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> site.verifyPassport(fake.passports().withUnknownKid(requestId), requestId))
				.withMessageContaining("Unknown JWT kid");
		}
		assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(2);
	}

	@Test
	void cachedKeysStillVerifyWhileTheJwksEndpointIsDown(FakeLimeApi fake) throws InterruptedException {
		BlockingLimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.maxRetries(0)
			.passportVerifier(
					(verifier) -> verifier.jwksCacheTtl(Duration.ofMillis(1)).jwksRefreshMinInterval(Duration.ZERO))
			.build()
			.blocking();
		verifyNew(site, fake);
		fake.faults().jwksUnavailable(true);
		Thread.sleep(5);
		assertThat(verifyNew(site, fake).agentId()).isEqualTo(fake.agentId());
		assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(2);
	}

	@Test
	void unreachableJwksWithNothingCachedIsAnInvalidPassport(FakeLimeApi fake) {
		fake.faults().jwksUnavailable(true);
		BlockingLimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.maxRetries(0)
			.build()
			.blocking();
		String requestId = fake.createLoginRequestDirectly();
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> site.verifyPassport(fake.passports().login(requestId), requestId))
			.withMessageContaining("JWKS unavailable")
			.withMessageContaining("503");
	}

	@Test
	@SpecItem("LIME-7.jwks_missing_keys_array")
	void jwksWithoutAKeysArrayIsRefused() {
		RSAKey key = TestTokens.key("k1");
		try (CannedHttpServer server = CannedHttpServer.start()
			.answer(200, "{\"ok\":true,\"data\":{\"keys\":\"bad\"}}")) {
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> canned(server).verifyPassport(TestTokens.login(key, "lr_1"), "lr_1"))
				.withMessageContaining("keys array");
		}
	}

	@Test
	void rawJwksMustComeWithStatus200() {
		RSAKey key = TestTokens.key("k1");
		String jwks = "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
		try (CannedHttpServer server = CannedHttpServer.start().answer(404, jwks)) {
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> canned(server).verifyPassport(TestTokens.login(key, "lr_1"), "lr_1"))
				.withMessageContaining("Spec document request failed (HTTP 404)");
		}
	}

	@Test
	@SpecItem("LIME-7.skips_malformed_jwk_entries")
	void malformedAndNonSigningEntriesAreSkippedAndTheValidKeyStillUsed() {
		RSAKey valid = TestTokens.key("k1");
		RSAKey encryption = new RSAKey.Builder(TestTokens.key("enc")).keyUse(KeyUse.ENCRYPTION).build();
		RSAKey noKid = new RSAKey.Builder(TestTokens.key("x")).keyID("").build();
		String jwks = "{\"keys\":[1,\"text\"," + noKid.toPublicJWK().toJSONString()
				+ ",{\"kty\":\"RSA\",\"kid\":\"bad\",\"n\":\"!!\",\"e\":\"AQAB\"},{\"kty\":\"oct\",\"kid\":\"sym\",\"k\":\"AAAA\"},"
				+ encryption.toPublicJWK().toJSONString() + "," + valid.toPublicJWK().toJSONString() + "]}";
		try (CannedHttpServer server = CannedHttpServer.start().answer(200, jwks)) {
			BlockingLimeSite site = canned(server);
			assertThat(site.verifyPassport(TestTokens.login(valid, "lr_1"), "lr_1").agentId()).isEqualTo("agent-1");
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> site.verifyPassport(TestTokens.login(encryption, "lr_2"), "lr_2"))
				.withMessageContaining("Unknown JWT kid");
		}
	}

	@Test
	void jwksThatIsNotAJsonObjectIsRefused() {
		RSAKey key = TestTokens.key("k1");
		for (String body : new String[] { "<html>down</html>", "[]" }) {
			try (CannedHttpServer server = CannedHttpServer.start().answer(200, body)) {
				assertThatExceptionOfType(InvalidPassportException.class)
					.isThrownBy(() -> canned(server).verifyPassport(TestTokens.login(key, "lr_1"), "lr_1"))
					.withMessageContaining("JWKS unavailable")
					.satisfies((ex) -> assertThat(ex.getMessage()).containsAnyOf("Invalid JSON",
							"Unexpected response shape"));
			}
		}
	}

	private static Passport verifyNew(BlockingLimeSite site, FakeLimeApi fake) {
		String requestId = fake.createLoginRequestDirectly();
		return site.verifyPassport(fake.passports().login(requestId), requestId);
	}

	private static BlockingLimeSite site(FakeLimeApi fake) {
		return LimeSite.builder().siteToken(fake.siteToken()).apiBase(fake.baseUrl()).build().blocking();
	}

	private static BlockingLimeSite canned(CannedHttpServer server) {
		return LimeSite.builder().siteToken("st_x").apiBase(server.baseUrl()).maxRetries(0).build().blocking();
	}

}
