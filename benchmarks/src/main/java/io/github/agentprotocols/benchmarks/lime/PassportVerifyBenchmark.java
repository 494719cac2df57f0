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

package io.github.agentprotocols.benchmarks.lime;

import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.agentprotocols.benchmarks.observation.ObservationMode;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.JwksMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code LimeSite.verifyPassport} of one login passport from the fake LIME API, keys
 * cached from its JWKS, against a raw Nimbus RS256 verify of the same token
 * ({@code baseline}: parse, signature with a ready verifier, claims) in the same run.
 * Goal: at least 0.9 of the baseline's throughput. {@code verifyPassport} runs with
 * one-time use off, so the same token verifies every time;
 * {@code verifyPassportReplayRefused} keeps it on: the replay check comes last, so every
 * call runs every check and then the in-memory replay store refuses the token.
 * {@code verifyPassportObservedWith*} are {@code verifyPassport} observed with
 * {@link ObservationMode#METRICS} and {@link ObservationMode#TRACING} (issue 23's
 * observation overhead: divide by {@code verifyPassport}, which has no registry).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassportVerifyBenchmark {

	private FakeLimeApi fake;

	private LimeSite reusable;

	private LimeSite oneTimeUse;

	private LimeSite reusableMetrics;

	private LimeSite reusableTracing;

	private String requestId;

	private String token;

	private JWSVerifier rawVerifier;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.fake = FakeLimeApi.builder().jwksMode(JwksMode.RAW).start();
		this.requestId = this.fake.createLoginRequestDirectly();
		Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
		this.token = this.fake.passports()
			.sign(this.fake.passports()
				.loginClaims(this.requestId)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(120)))
				.build());
		this.reusable = site((verifier) -> verifier.oneTimeUse(false));
		this.oneTimeUse = site((verifier) -> {
		});
		this.reusableMetrics = site(
				(verifier) -> verifier.oneTimeUse(false).observationRegistry(ObservationMode.METRICS.registry()));
		this.reusableTracing = site(
				(verifier) -> verifier.oneTimeUse(false).observationRegistry(ObservationMode.TRACING.registry()));
		this.reusableMetrics.verifyPassport(this.token, this.requestId).block();
		this.reusableTracing.verifyPassport(this.token, this.requestId).block();
		this.reusable.verifyPassport(this.token, this.requestId).block();
		this.oneTimeUse.verifyPassport(this.token, this.requestId).block();
		JWKSet keys = JWKSet.load(URI.create(this.fake.baseUrl() + LimeSite.JWKS_PATH).toURL());
		this.rawVerifier = new RSASSAVerifier((RSAKey) keys.getKeyByKeyId(this.fake.signingKeyId()));
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.fake.close();
	}

	@Benchmark
	public JWTClaimsSet baseline() throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(this.token);
		if (!jwt.verify(this.rawVerifier)) {
			throw new IllegalStateException("signature");
		}
		return jwt.getJWTClaimsSet();
	}

	@Benchmark
	public Passport verifyPassport() {
		return this.reusable.verifyPassport(this.token, this.requestId).block();
	}

	@Benchmark
	public Passport verifyPassportObservedWithMetrics() {
		return this.reusableMetrics.verifyPassport(this.token, this.requestId).block();
	}

	@Benchmark
	public Passport verifyPassportObservedWithTracing() {
		return this.reusableTracing.verifyPassport(this.token, this.requestId).block();
	}

	@Benchmark
	public Object verifyPassportReplayRefused() {
		try {
			return this.oneTimeUse.verifyPassport(this.token, this.requestId).block();
		}
		catch (PassportReplayedException ex) {
			return ex;
		}
	}

	private LimeSite site(Consumer<PassportVerifier.Builder> verifier) {
		return LimeSite.builder()
			.siteToken(this.fake.siteToken())
			.apiBase(this.fake.baseUrl())
			.passportVerifier(verifier)
			.build();
	}

}
